import Foundation
import Synchronization
import Testing
@testable import HTTPServer

extension ServerSuites {
    @Suite struct Concurrency {
        @Test func twoHundredConnectionsAreServedAtOnce() async throws {
            let clients = 200
            let arrived = Mutex(0)
            // Each handler holds its response until all requests are in: that can only finish if
            // no connection waits for another.
            let handler: HTTPHandler = { request in
                arrived.withLock { $0 += 1 }
                do {
                    try await eventually("all \(clients) requests", timeout: .seconds(30)) { arrived.withLock { $0 } >= clients }
                } catch {
                    return HTTPResponse(status: 503)
                }
                return HTTPResponse(status: 200, contentType: "text/plain", body: Data(request.path.utf8))
            }
            try await withServer(handler: handler) { server, port in
                let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                    for index in 0..<clients {
                        group.addTask {
                            try await offPool {
                                let client = try RawClient(port: port, timeout: .seconds(40))
                                try client.send("GET /c\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
                                let response = try client.readResponse()
                                return response.status == 200 ? response.text : "status \(response.status)"
                            }
                        }
                    }
                    return try await group.reduce(into: Set<String>()) { $0.insert($1) }
                }
                #expect(bodies == Set((0..<clients).map { "/c\($0)" }))
                try await eventually("connections to close") { server.connectionCount == 0 }
            }
        }

        @Test func connectionsBeyondTheLimitAreClosedAtOnce() async throws {
            try await withServer(HTTPServerConfiguration(maxConnections: 2), handler: echoHandler) { server, port in
                try await offPool {
                    let first = try RawClient(port: port), second = try RawClient(port: port)
                    for client in [first, second] {
                        try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                        #expect(try client.readResponse().status == 200)
                    }
                    let third = try RawClient(port: port)
                    try? third.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try third.isClosedByServer())
                    #expect(server.connectionCount == 2)
                }
            }
        }

        @Test func stalledClientsDoNotStallOthers() async throws {
            let big = Data(repeating: 0x61, count: 8 << 20)
            try await withServer(handler: { request in
                request.path == "/big" ? HTTPResponse(status: 200, contentType: "text/plain", body: big)
                    : HTTPResponse(status: 200, contentType: "text/plain", body: Data("ok".utf8))
            }) { _, port in
                try await offPool {
                    // One client stops halfway through its request, one never reads its big response.
                    let halfway = try RawClient(port: port)
                    try halfway.send("GET / HTTP/1.1\r\nHo")
                    let nonReader = try RawClient(port: port)
                    try nonReader.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
                    for _ in 0..<3 {
                        let client = try RawClient(port: port)
                        try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                        #expect(try client.readResponse().text == "ok")
                    }
                    _ = halfway
                    _ = nonReader
                }
            }
        }
    }
}
