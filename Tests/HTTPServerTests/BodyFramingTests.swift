import Foundation
import Testing
@testable import HTTPServer

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
