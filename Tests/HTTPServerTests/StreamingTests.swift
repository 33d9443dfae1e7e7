import Foundation
import Testing
@testable import HTTPServer

extension ServerSuites {
    @Suite struct Streaming {
        @Test func chunksAreFlushedOneByOne() async throws {
            let gate = Gate()
            let handler: HTTPHandler = { _ in
                HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: .stream { writer in
                    for index in 0..<3 {
                        try await writer.write(Data("{\"event\":\(index)}\n".utf8))
                        // The next event is only produced once the client has seen this one.
                        try await gate.wait(until: index + 1)
                    }
                })
            }
            try await withServer(handler: handler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET /watch HTTP/1.1\r\nHost: t\r\n\r\n")
                    let head = try client.readHead()
                    #expect(head["transfer-encoding"] == "chunked")
                    #expect(head["content-length"] == nil)
                    for index in 0..<3 {
                        #expect(try client.readChunk() == Array("{\"event\":\(index)}\n".utf8))
                        gate.open()
                    }
                    #expect(try client.readChunk() == nil)
                    // Keep-alive survives a stream.
                    try client.send("GET /watch HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readHead().status == 200)
                    #expect(try client.readChunk() == Array("{\"event\":0}\n".utf8))
                    gate.open(); gate.open(); gate.open()
                }
            }
        }

        @Test func writerThrowsOnceTheClientHasGone() async throws {
            let errors = Recorder<HTTPServerError>()
            let handler: HTTPHandler = { _ in
                HTTPResponse(status: 200, body: .stream { writer in
                    do {
                        while true {
                            try await writer.write(Data("tick\n".utf8))
                            try? await Task.sleep(for: .milliseconds(5))
                        }
                    } catch {
                        errors.append(error as? HTTPServerError ?? .stopped)
                        throw error
                    }
                })
            }
            try await withServer(handler: handler) { server, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    _ = try client.readHead()
                    #expect(try client.readChunk() == Array("tick\n".utf8))
                    client.closeNow()
                }
                try await eventually("the writer to throw") { !errors.values.isEmpty }
                #expect(errors.values == [.clientDisconnected])
                try await eventually("the connection to be released") { server.connectionCount == 0 }
            }
        }

        @Test func aClientThatStopsReadingIsDroppedAfterTheIdleTimeout() async throws {
            let errors = Recorder<HTTPServerError>()
            let chunk = Data(repeating: 0x78, count: 64 << 10)
            let handler: HTTPHandler = { _ in
                HTTPResponse(status: 200, body: .stream { writer in
                    do {
                        while true { try await writer.write(chunk) }
                    } catch {
                        errors.append(error as? HTTPServerError ?? .stopped)
                    }
                })
            }
            try await withServer(HTTPServerConfiguration(idleTimeout: .milliseconds(300)), handler: handler) { server, port in
                let client = try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    return client   // and never reads
                }
                try await eventually("the stalled writer to give up") { !errors.values.isEmpty }
                #expect(errors.values == [.clientDisconnected])
                try await eventually("the connection to be released") { server.connectionCount == 0 }
                _ = client
            }
        }

        @Test func quietStreamIsCancelledWhenTheClientGoes() async throws {
            let outcomes = Recorder<String>()
            let handler: HTTPHandler = { _ in
                HTTPResponse(status: 200, body: .stream { _ in
                    // A watch with no events: it never writes, so only cancellation can end it.
                    do {
                        try await Task.sleep(for: .seconds(30))
                        outcomes.append("slept")
                    } catch {
                        outcomes.append("cancelled")
                    }
                })
            }
            try await withServer(handler: handler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readHead().status == 200)
                    client.closeNow()
                }
                try await eventually("the handler to be cancelled") { !outcomes.values.isEmpty }
                #expect(outcomes.values == ["cancelled"])
            }
        }

        @Test func failingStreamIsCutOffWithoutTheLastChunk() async throws {
            struct Broken: Error {}
            try await withServer(handler: { _ in
                HTTPResponse(status: 200, body: .stream { writer in
                    try await writer.write(Data("partial".utf8))
                    throw Broken()
                })
            }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    _ = try client.readHead()
                    #expect(try client.readChunk() == Array("partial".utf8))
                    #expect(try client.isClosedByServer())
                }
            }
        }

        @Test func http10StreamEndsWithTheConnection() async throws {
            try await withServer(handler: { _ in
                HTTPResponse(status: 200, body: .stream { writer in
                    try await writer.write(Data("a".utf8))
                    try await writer.write(Data("b".utf8))
                })
            }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.0\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response["transfer-encoding"] == nil)
                    #expect(response.text == "ab")
                }
            }
        }

        @Test func headOfAStreamSendsNoBody() async throws {
            let produced = Recorder<Bool>()
            try await withServer(handler: { _ in
                HTTPResponse(status: 200, body: .stream { writer in
                    produced.append(true)
                    try await writer.write(Data("body".utf8))
                })
            }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("HEAD / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse(head: true)["transfer-encoding"] == "chunked")
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().text == "body")
                }
            }
            #expect(produced.values.count == 1, "only GET ran the stream")
        }
    }
}
