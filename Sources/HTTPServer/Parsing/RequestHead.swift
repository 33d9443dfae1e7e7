/// A parsed request line and header block.
struct RequestHead {
    var method: String
    var path: String
    var rawQuery: String
    var query: [(name: String, value: String)]
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    var headers: HTTPHeaders

    /// Parses the bytes of a head, from the request line up to (not including) the blank line.
    /// Lines end in CRLF or a bare LF.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) -> RequestHead {
        var lines = HeadLines(bytes)
        guard let requestLine = lines.next() else { throw .malformed("empty request line") }
        var head = try parseRequestLine(requestLine)
        while let line = lines.next() {
            try head.headers.addField(line)
        }
        if head.minorVersion == 1 && head.headers["Host"] == nil {
            // RFC 9112 §3.2 (and Go's server): an HTTP/1.1 request without Host is a 400.
            throw .malformed("missing required Host header")
        }
        return head
    }

    private static func parseRequestLine(_ line: UnsafeRawBufferPointer) throws(HTTPParseError) -> RequestHead {
        let space = UInt8(ascii: " ")
        guard let firstSpace = line.firstIndex(of: space),
              let lastSpace = line.lastIndex(of: space), lastSpace > firstSpace else {
            throw .malformed("malformed request line \"\(printable(line))\"; expected METHOD TARGET HTTP/1.1")
        }
        let method = UnsafeRawBufferPointer(rebasing: line[..<firstSpace])
        let target = UnsafeRawBufferPointer(rebasing: line[(firstSpace + 1)..<lastSpace])
        let version = UnsafeRawBufferPointer(rebasing: line[(lastSpace + 1)...])
        guard !method.isEmpty, method.allSatisfy(ByteClass.isToken) else {
            throw .malformed("invalid method in request line \"\(printable(line))\"")
        }
        let minor = try parseVersion(version)
        guard !target.isEmpty, target.allSatisfy({ $0 > 0x20 && $0 != 0x7f }) else {
            throw .malformed("invalid request target in \"\(printable(line))\"")
        }
        let (path, rawQuery) = try RequestTarget.split(target)
        return RequestHead(method: String(decoding: method, as: UTF8.self), path: path, rawQuery: rawQuery,
                           query: QueryParser.parse(rawQuery), minorVersion: minor, headers: HTTPHeaders())
    }

    private static func parseVersion(_ version: UnsafeRawBufferPointer) throws(HTTPParseError) -> Int {
        let text = String(decoding: version, as: UTF8.self)
        switch text {
        case "HTTP/1.1": return 1
        case "HTTP/1.0": return 0
        default:
            if text.hasPrefix("HTTP/"), text.utf8.count == 8 { throw .versionNotSupported(text) }
            throw .malformed("invalid HTTP version \"\(printable(version))\"")
        }
    }

    /// Input for an error message: controls escaped, at most 200 bytes.
    static func printable(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes.prefix(200), as: UTF8.self).unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7f ? "\\u{\(String($0.value, radix: 16))}" : String($0)
        }.joined()
    }
}
