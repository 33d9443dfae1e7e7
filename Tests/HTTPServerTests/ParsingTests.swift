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

@Suite struct QueryParsing {
    // Cases checked against Go's url.ParseQuery.
    @Test(arguments: [
        ("a=1&b=2", [("a", "1"), ("b", "2")]),
        ("a=1&a=2", [("a", "1"), ("a", "2")]),
        ("q=a+b%20c", [("q", "a b c")]),
        ("k%2Bey=v%2B", [("k+ey", "v+")]),
        ("flag", [("flag", "")]),
        ("a=&=b", [("a", ""), ("", "b")]),
        ("&&a=1&", [("a", "1")]),
        ("a=1;b=2&c=3", [("c", "3")]),          // pairs holding ';' are dropped
        ("bad=%zz&good=1", [("good", "1")]),     // a bad escape drops its pair only
        ("x=%E2%9C%93", [("x", "✓")]),
        ("eq=a=b", [("eq", "a=b")]),
        ("", []),
    ])
    func parsesLikeGo(_ raw: String, _ expected: [(String, String)]) {
        let parsed = QueryParser.parse(raw)
        #expect(parsed.map(\.name) == expected.map(\.0))
        #expect(parsed.map(\.value) == expected.map(\.1))
    }
}

@Suite struct PercentDecodingRules {
    @Test func decodes() throws {
        #expect(try PercentDecoding.decode("a%2Fb%41", plusIsSpace: false) == "a/bA")
        #expect(try PercentDecoding.decode("a+b", plusIsSpace: false) == "a+b")
        #expect(try PercentDecoding.decode("a+b", plusIsSpace: true) == "a b")
        #expect(try PercentDecoding.decode("plain", plusIsSpace: true) == "plain")
    }

    @Test(arguments: ["%", "%1", "a%g0", "%0g", "100%"])
    func rejectsIncompleteEscapes(_ text: String) {
        #expect(throws: PercentDecoding.InvalidEscape.self) { try PercentDecoding.decode(text, plusIsSpace: true) }
    }
}

@Suite struct BodyFramingRules {
    private func framing(_ headers: HTTPHeaders, limit: Int = 1000) throws(HTTPParseError) -> BodyFraming {
        try BodyFraming.of(RequestHead(method: "POST", path: "/", rawQuery: "", query: [], minorVersion: 1, headers: headers), limit: limit)
    }

    @Test func framings() throws {
        #expect(try framing([:]) == .none)
        #expect(try framing(["Content-Length": "0"]) == .none)
        #expect(try framing(["Content-Length": "12"]) == .contentLength(12))
        #expect(try framing(["Content-Length": "12, 12"]) == .contentLength(12))
        #expect(try framing(["Transfer-Encoding": "Chunked"]) == .chunked)
    }

    // MARK: Bad framing

    @Test(arguments: [
        (["Content-Length": "-1"], 400),
        (["Content-Length": "1x"], 400),
        (["Content-Length": ""], 400),
        (["Content-Length": "99999999999999999999"], 400),
        (["Content-Length": "1, 2"], 400),
        (["Content-Length": "1001"], 413),
        (["Transfer-Encoding": "gzip, chunked"], 501),
        (["Transfer-Encoding": "chunked", "Content-Length": "3"], 400),
    ] as [(HTTPHeaders, Int)])
    func rejects(_ headers: HTTPHeaders, _ status: Int) {
        do {
            _ = try framing(headers)
            Issue.record("accepted \(headers.fields)")
        } catch {
            #expect(error.status == status)
        }
    }

    @Test func chunkSizeLines() throws {
        func size(_ text: String) throws(HTTPParseError) -> Int {
            try Array(text.utf8).withUnsafeBytes { raw in Result { () throws(HTTPParseError) in try ChunkSizeLine.parse(raw) } }.get()
        }
        #expect(try size("1a") == 26)
        #expect(try size("FF;name=value") == 255)
        #expect(try size("0") == 0)
        #expect(try size("10 ") == 16)
        for bad in ["", "x", "-1", "1 2", "fffffffffffffffff"] {
            #expect(throws: HTTPParseError.self, "\(bad)") { try size(bad) }
        }
    }
}

@Suite struct HeadBoundaries {
    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: x\r\n\r\nrest", 25, 27),
        ("GET / HTTP/1.1\nHost: x\n\nrest", 23, 24),
        ("GET / HTTP/1.1\r\nHost: x\r\n", -1, -1),
        ("GET / HTTP/1.1\r\nHost: x\r\n\r", -1, -1),
    ])
    func findsBlankLine(_ text: String, _ content: Int, _ total: Int) {
        var scanFrom = 0
        let found = Array(text.utf8).withUnsafeBytes { RequestReader.headLength($0, scanFrom: &scanFrom) }
        #expect(found?.content ?? -1 == content)
        #expect(found?.total ?? -1 == total)
    }

    @Test func resumesScanningAcrossReads() {
        var scanFrom = 0
        let first = Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)
        #expect(first.withUnsafeBytes { RequestReader.headLength($0, scanFrom: &scanFrom) } == nil)
        let whole = first + Array("\r\n".utf8)
        let found = whole.withUnsafeBytes { RequestReader.headLength($0, scanFrom: &scanFrom) }
        #expect(found?.total == whole.count)
    }

    @Test func formatsIMFDates() {
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}

@Suite struct ResponseHeads {
    private func text(_ headers: HTTPHeaders, _ framing: ResponseHead.Framing = .contentLength(3), keepAlive: Bool = true, minor: Int = 1) -> String {
        String(decoding: ResponseHead.serialize(status: 200, headers: headers, framing: framing, keepAlive: keepAlive, minorVersion: minor), as: UTF8.self)
    }

    @Test func serverOwnsFramingAndConnectionHeaders() {
        let head = text(["Content-Length": "999", "Transfer-Encoding": "gzip", "Connection": "upgrade", "X-A": "1"], keepAlive: false)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\nX-A: 1\r\nDate: "))
        #expect(head.hasSuffix("GMT\r\nContent-Length: 3\r\nConnection: close\r\n\r\n"))
        #expect(!head.contains("999"))
        #expect(!head.contains("gzip"))
        #expect(text([:], .chunked).contains("Transfer-Encoding: chunked\r\n"))
        #expect(text(["Date": "Sun, 06 Nov 1994 08:49:37 GMT"]).components(separatedBy: "Date:").count == 2)
    }

    // MARK: Response splitting

    @Test(arguments: [("X-Bad", "a\r\nSet-Cookie: x=1"), ("X-Bad", "a\nb"), ("Bad Name", "v"), ("", "v"), ("X\r\nY", "v")])
    func dropsUnsafeHeaders(_ name: String, _ value: String) {
        var headers = HTTPHeaders()
        headers.add(name, value)
        let head = text(headers)
        #expect(!head.contains("Set-Cookie"))
        #expect(!head.contains("Bad"))
        #expect(head.components(separatedBy: "\r\n").allSatisfy { !$0.hasPrefix("X") && !$0.hasPrefix("b") })
    }

    @Test func headerNamesMatchIgnoringASCIICase() {
        let headers: HTTPHeaders = ["Content-Type": "a", "X-Y": "b"]
        #expect(headers["content-type"] == "a")
        #expect(headers["CONTENT-TYPE"] == "a")
        #expect(headers["x-y"] == "b")
        #expect(headers["x-z"] == nil)
        #expect(headers["Content-Typ"] == nil)
        // '-' (0x2d) and '\r' (0x0d) differ only in bit 0x20: not letters, so not equal.
        #expect(headers["X\rY"] == nil)
    }
}
