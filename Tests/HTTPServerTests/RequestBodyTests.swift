import Foundation
import Testing
@testable import HTTPServer

extension ServerSuites {
    @Suite struct RequestBodies {
        private static func checksum(_ bytes: some Sequence<UInt8>) -> String {
            String(bytes.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xffffff })
        }

        @Test func contentLengthBody() async throws {
            try await withServer(handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("POST /p HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\nhello world")
                    let response = try client.readResponse()
                    #expect(response.text.contains("body-bytes: 11"))
                    #expect(response["x-body-sha"] == Self.checksum("hello world".utf8))
                }
            }
        }

        @Test func chunkedBodyWithExtensionsAndTrailers() async throws {
            try await withServer(handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("POST /p HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
                    try client.send("5;ext=1\r\nhello\r\n")
                    try client.send("6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response.text.contains("body-bytes: 11"))
                    #expect(response["x-body-sha"] == Self.checksum("hello world".utf8))
                    // The connection is still in sync for the next request.
                    try client.send("GET /next HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().text.contains("GET /next"))
                }
            }
        }

        @Test func expectContinueIsAnsweredBeforeTheBodyIsSent() async throws {
            try await withServer(handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("PUT /p HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
                    let interim = try client.readHead()
                    #expect(interim.status == 100)
                    try client.send("data")
                    let response = try client.readResponse()
                    #expect(response.status == 200)
                    #expect(response.text.contains("body-bytes: 4"))
                }
            }
        }

        @Test func unknownExpectationGets417() async throws {
            try await withServer(handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("PUT /p HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: magic\r\n\r\ndata")
                    #expect(try client.readResponse().status == 417)
                }
            }
        }

        // MARK: Limits

        @Test func oversizedDeclaredBodyGets413WithoutContinue() async throws {
            let handled = Recorder<String>()
            let configuration = HTTPServerConfiguration(maxRequestBodyBytes: 1000)
            try await withServer(configuration, handler: { request in handled.append(request.path); return HTTPResponse(status: 200) }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("PUT /big HTTP/1.1\r\nHost: t\r\nContent-Length: 1001\r\nExpect: 100-continue\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response.status == 413)
                    #expect(response["connection"] == "close")
                    #expect(response.text.contains("exceeds 1000 bytes"))
                    #expect(try client.isClosedByServer())
                }
            }
            #expect(handled.values.isEmpty)
        }

        @Test func oversizedBodySentAnywayStillGets413() async throws {
            let configuration = HTTPServerConfiguration(maxRequestBodyBytes: 100)
            try await withServer(configuration, handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    // The whole body goes out before the server answers: the lingering close must
                    // still let the 413 through.
                    try client.send("PUT /big HTTP/1.1\r\nHost: t\r\nContent-Length: 200000\r\n\r\n" + String(repeating: "x", count: 200_000))
                    #expect(try client.readResponse().status == 413)
                }
            }
        }

        @Test func oversizedChunkedBodyGets413() async throws {
            let configuration = HTTPServerConfiguration(maxRequestBodyBytes: 10)
            try await withServer(configuration, handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("POST /p HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response.status == 413)
                    #expect(try client.isClosedByServer())
                }
            }
        }

        @Test func oversizedHeadersGet431() async throws {
            let configuration = HTTPServerConfiguration(maxHeaderBytes: 1024)
            try await withServer(configuration, handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "a", count: 2000))\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response.status == 431)
                    #expect(try client.isClosedByServer())

                    // A head that never ends is cut off at the limit too.
                    let endless = try RawClient(port: port)
                    try endless.send("GET /" + String(repeating: "a", count: 1500))
                    #expect(try endless.readResponse().status == 431)
                }
            }
        }
    }
}
