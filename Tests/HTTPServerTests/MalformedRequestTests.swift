import Foundation
import Testing
@testable import HTTPServer

extension ServerSuites {
    @Suite struct MalformedRequests {
        // MARK: Bad requests over the wire: each gets its status and a closed connection, and
        // the server keeps serving.

        @Test(arguments: [
            ("GARBAGE\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n\r\n", 400),
            ("GET /%zz HTTP/1.1\r\nHost: t\r\n\r\n", 400),
            ("GET / HTTP/9.9\r\nHost: t\r\n\r\n", 505),
            ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505),
            ("GET / HTTP/1.1\r\nHost: t\r\nbad header\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: nope\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
            ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY", 400),
            ("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
            ("\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}\r\n\r\n", 400),
        ])
        func rejected(_ request: String, _ status: Int) async throws {
            try await withServer(handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send(request)
                    let response = try client.readResponse()
                    #expect(response.status == status)
                    #expect(response["connection"] == "close")
                    #expect(try client.isClosedByServer())

                    let next = try RawClient(port: port)
                    try next.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try next.readResponse().status == 200)
                }
            }
        }

        @Test func randomBytesNeverTakeTheServerDown() async throws {
            try await withServer(HTTPServerConfiguration(maxRequestBodyBytes: 4096, maxHeaderBytes: 4096, idleTimeout: .milliseconds(300)),
                                 handler: echoHandler) { server, port in
                try await offPool {
                    // Deterministic (seeded) mutations of a valid request plus pure noise.
                    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
                    func next() -> Int {
                        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                        return Int(truncatingIfNeeded: state >> 33)
                    }
                    let valid = Array("POST /a%20b?x=1&y=%zz HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n".utf8)
                    for round in 0..<60 {
                        var bytes = valid
                        if round % 3 == 0 {
                            bytes = (0..<(next() % 300)).map { _ in UInt8(truncatingIfNeeded: next()) }
                        } else {
                            for _ in 0..<(1 + next() % 4) {
                                bytes[next() % bytes.count] = UInt8(truncatingIfNeeded: next())
                            }
                        }
                        let client = try RawClient(port: port, timeout: .seconds(5))
                        try? client.send(Data(bytes))
                        client.closeNow()
                    }
                    let client = try RawClient(port: port)
                    try client.send("GET /still-here HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().text.contains("GET /still-here"))
                }
                try await eventually("fuzzed connections to be released") { server.connectionCount <= 1 }
            }
        }

        @Test func clientsThatVanishMidRequestDoNotHurtTheServer() async throws {
            try await withServer(handler: echoHandler) { server, port in
                try await offPool {
                    for partial in ["GET", "GET / HTTP/1.1\r\nHost", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc",
                                    "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"] {
                        let client = try RawClient(port: port)
                        try client.send(partial)
                        client.closeNow()
                    }
                    let client = try RawClient(port: port)
                    try client.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().status == 200)
                }
                try await eventually("abandoned connections are released") { server.connectionCount <= 1 }
            }
        }
    }
}
