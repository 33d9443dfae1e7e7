import Foundation
import Testing
@testable import HTTPServer

extension ServerSuites {
    @Suite struct KeepAlive {
        @Test func manyRequestsReuseOneConnection() async throws {
            let remotes = Recorder<String>()
            try await withServer(handler: { request in
                remotes.append(request.remoteAddress)
                return HTTPResponse(status: 200, contentType: "text/plain", body: Data("n\(request.path)".utf8))
            }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    for index in 0..<5 {
                        try client.send("GET /\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
                        let response = try client.readResponse()
                        #expect(response.status == 200)
                        #expect(response.text == "n/\(index)")
                        #expect(response["connection"] == nil)
                        #expect(response["date"]?.hasSuffix(" GMT") == true)
                    }
                }
            }
            #expect(remotes.values.count == 5)
            #expect(Set(remotes.values).count == 1, "all five requests came over one connection")
        }

        @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
            try await withServer(handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET /one HTTP/1.1\r\nHost: t\r\n\r\nPOST /two HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabcGET /three HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().text.hasPrefix("GET /one\n"))
                    #expect(try client.readResponse().text.contains("POST /two\nraw-query: \nbody-bytes: 3"))
                    #expect(try client.readResponse().text.hasPrefix("GET /three\n"))
                }
            }
        }

        @Test func connectionCloseIsHonoured() async throws {
            try await withServer(handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET /a HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response.status == 200)
                    #expect(response["connection"] == "close")
                    #expect(try client.isClosedByServer())
                }
            }
        }

        @Test func handlerCanCloseTheConnection() async throws {
            try await withServer(handler: { _ in HTTPResponse(status: 200, headers: ["Connection": "close"], body: .data(Data("x".utf8))) }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse()["connection"] == "close")
                    #expect(try client.isClosedByServer())
                }
            }
        }

        @Test func http10ClosesUnlessKeepAliveIsAsked() async throws {
            try await withServer(handler: echoHandler) { _, port in
                try await offPool {
                    let plain = try RawClient(port: port)
                    try plain.send("GET /a HTTP/1.0\r\n\r\n")
                    let response = try plain.readResponse()
                    #expect(response.version == "HTTP/1.0")
                    #expect(response.status == 200)
                    #expect(try plain.isClosedByServer())

                    let kept = try RawClient(port: port)
                    for _ in 0..<2 {
                        try kept.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                        #expect(try kept.readResponse()["connection"] == "keep-alive")
                    }
                }
            }
        }

        @Test func idleConnectionsAreClosedAfterTheIdleTimeout() async throws {
            let configuration = HTTPServerConfiguration(idleTimeout: .milliseconds(200))
            try await withServer(configuration, handler: echoHandler) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().status == 200)
                    // The server, not the 10 s client timeout, must end this read.
                    #expect(try client.isClosedByServer())
                }
            }
        }

        @Test func aHeadTrickledByteByByteIsCutOff() async throws {
            let configuration = HTTPServerConfiguration(idleTimeout: .milliseconds(300))
            try await withServer(configuration, handler: echoHandler) { _, port in
                let cutOff = try await offPool {
                    let client = try RawClient(port: port)
                    // Each byte arrives well within the idle timeout; the head as a whole never does.
                    for _ in 0..<200 {
                        guard (try? client.send("X")) != nil else { return true }
                        Thread.sleep(forTimeInterval: 0.05)
                    }
                    return false
                }
                #expect(cutOff, "the server kept a never-ending head open")
            }
        }

        @Test func headGetsHeadersWithoutBody() async throws {
            try await withServer(handler: { _ in HTTPResponse(status: 200, contentType: "text/plain", body: Data("hello".utf8)) }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("HEAD / HTTP/1.1\r\nHost: t\r\n\r\n")
                    let response = try client.readResponse(head: true)
                    #expect(response.status == 200)
                    #expect(response["content-length"] == "5")
                    // The next response must follow directly: HEAD sent no body bytes.
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().text == "hello")
                }
            }
        }

        @Test func headKeepsTheLengthTheHandlerDeclares() async throws {
            try await withServer(handler: { _ in HTTPResponse(status: 200, headers: ["Content-Length": "1234"], body: .data(Data())) }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("HEAD / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse(head: true)["content-length"] == "1234")
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse()["content-length"] == "0", "GET sends the real length")
                }
            }
        }

        // MARK: Handler mistakes

        @Test(arguments: [0, 42, 101, 1000])
        func impossibleStatusesBecome500(_ status: Int) async throws {
            try await withServer(handler: { _ in HTTPResponse(status: status) }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().status == 500)
                }
            }
        }

        @Test func noContentHasNoLength() async throws {
            try await withServer(handler: { _ in HTTPResponse(status: 204) }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("DELETE /x HTTP/1.1\r\nHost: t\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response.status == 204)
                    #expect(response["content-length"] == nil)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().status == 204)
                }
            }
        }

        @Test func largeResponseBodiesArriveWhole() async throws {
            let big = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) })
            try await withServer(handler: { _ in HTTPResponse(status: 200, contentType: "application/octet-stream", body: big) }) { _, port in
                try await offPool {
                    let client = try RawClient(port: port)
                    try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response.body.count == big.count)
                    #expect(Data(response.body) == big)
                }
            }
        }

        @Test func ipv6Loopback() async throws {
            try await withServer(HTTPServerConfiguration(host: "::1"), handler: echoHandler) { server, port in
                #expect(server.url == "http://[::1]:\(port)")
                try await offPool {
                    let client = try RawClient(host: "::1", port: port)
                    try client.send("GET /six HTTP/1.1\r\nHost: t\r\n\r\n")
                    let response = try client.readResponse()
                    #expect(response.text.contains("GET /six"))
                    #expect(response.text.contains("remote: [::1]:"))
                }
            }
        }

        @Test func startTwiceAndBindErrorsAreTyped() async throws {
            try await withServer(handler: echoHandler) { server, port in
                #expect(throws: HTTPServerError.alreadyStarted) { try server.start() }
                let clash = HTTPServer(configuration: HTTPServerConfiguration(port: port), handler: echoHandler)
                #expect { try clash.start() } throws: { error in
                    guard case .bindFailed = error as? HTTPServerError else { return false }
                    return "\(error)".contains("choose another port")
                }
                await clash.shutdown()
            }
            let bad = HTTPServer(configuration: HTTPServerConfiguration(host: "not an address"), handler: echoHandler)
            #expect { try bad.start() } throws: { error in
                if case .invalidAddress = error as? HTTPServerError { return true }
                return false
            }
        }
    }
}
