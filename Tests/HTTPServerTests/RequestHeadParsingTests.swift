import Foundation
import Testing
@testable import HTTPServer

private func parseHead(_ text: String) throws(HTTPParseError) -> RequestHead {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBytes { raw in Result { () throws(HTTPParseError) in try RequestHead.parse(raw) } }.get()
}

@Suite struct RequestHeadParsing {
    @Test func parsesRequestLineHeadersAndQuery() throws {
        let head = try parseHead("GET /api/v1/namespaces/a%2Fb/pods?labelSelector=app%3Dweb&watch=1 HTTP/1.1\r\nHost: x\r\nAccept:  application/json \r\nX-Empty:\r\n")
        #expect(head.method == "GET")
        #expect(head.path == "/api/v1/namespaces/a/b/pods")
        #expect(head.rawQuery == "labelSelector=app%3Dweb&watch=1")
        #expect(head.query.map(\.name) == ["labelSelector", "watch"])
        #expect(head.query.map(\.value) == ["app=web", "1"])
        #expect(head.minorVersion == 1)
        #expect(head.headers["accept"] == "application/json")
        #expect(head.headers["X-Empty"] == "")
    }

    @Test func acceptsBareLineFeedsAndHTTP10WithoutHost() throws {
        let head = try parseHead("DELETE /x HTTP/1.0\nContent-Length: 0\n")
        #expect(head.minorVersion == 0)
        #expect(head.headers["content-length"] == "0")
    }

    @Test func absoluteFormAndAsteriskTargets() throws {
        #expect(try parseHead("GET http://example.com:8080/a/b?c=d HTTP/1.1\r\nHost: x\r\n").path == "/a/b")
        #expect(try parseHead("GET https://example.com HTTP/1.1\r\nHost: x\r\n").path == "/")
        #expect(try parseHead("OPTIONS * HTTP/1.1\r\nHost: x\r\n").path == "*")
    }

    @Test func plusInPathStaysPlus() throws {
        #expect(try parseHead("GET /a+b%20c HTTP/1.1\r\nHost: x\r\n").path == "/a+b c")
    }

    // MARK: Malformed heads

    @Test(arguments: [
        ("GET / HTTP/1.1", 400),                           // no Host
        ("GET  / HTTP/1.1\r\nHost: x", 400),               // empty target between two spaces
        ("GET /HTTP/1.1\r\nHost: x", 400),                 // two parts only
        ("G(T / HTTP/1.1\r\nHost: x", 400),                // method not a token
        ("GET / HTTP/2.0\r\nHost: x", 505),
        ("GET / HTTX/1.1\r\nHost: x", 400),
        ("GET / http/1.1\r\nHost: x", 400),
        ("GET relative HTTP/1.1\r\nHost: x", 400),
        ("GET /%zz HTTP/1.1\r\nHost: x", 400),
        ("GET /%4 HTTP/1.1\r\nHost: x", 400),
        ("GET /a\u{01}b HTTP/1.1\r\nHost: x", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nNo-Colon", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nBad Name: v", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\n: empty-name", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n folded", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX: a\u{00}b", 400),
        ("GET http://?x HTTP/1.1\r\nHost: x", 400),
        ("", 400),
    ])
    func rejects(_ text: String, _ status: Int) {
        #expect(throws: HTTPParseError.self) { try parseHead(text) }
        do { _ = try parseHead(text) } catch { #expect(error.status == status, "\(text.debugDescription): \(error.message)") }
    }
}
