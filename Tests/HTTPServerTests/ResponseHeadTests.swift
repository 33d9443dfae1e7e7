import Foundation
import Testing
@testable import HTTPServer

@Suite struct ResponseHeads {
    @Test func formatsIMFDates() {
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
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
