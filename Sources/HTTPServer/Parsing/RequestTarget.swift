/// The request-target of a request line: origin form (`/p?q`), absolute form
/// (`http://host/p?q`, sent to proxies) or `*`.
enum RequestTarget {
    /// The percent-decoded path and the raw query.
    static func split(_ target: UnsafeRawBufferPointer) throws(HTTPParseError) -> (path: String, rawQuery: String) {
        var bytes = target
        if bytes.count == 1 && bytes[0] == UInt8(ascii: "*") { return ("*", "") }
        if bytes.first != UInt8(ascii: "/") {
            guard let path = try stripSchemeAndAuthority(bytes) else { return ("/", "") }
            bytes = path
        }
        let question = bytes.firstIndex(of: UInt8(ascii: "?"))
        let rawPath = UnsafeRawBufferPointer(rebasing: bytes[..<(question ?? bytes.count)])
        let rawQuery = question.map { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[($0 + 1)...]), as: UTF8.self) } ?? ""
        do {
            return (try PercentDecoding.decode(rawPath, plusIsSpace: false), rawQuery)
        } catch {
            throw .malformed("invalid escape \"\(error.escape)\" in the request path")
        }
    }

    /// The path and query of an absolute-form target; nil when it has neither ("http://host").
    private static func stripSchemeAndAuthority(_ bytes: UnsafeRawBufferPointer) throws(HTTPParseError) -> UnsafeRawBufferPointer? {
        let text = String(decoding: bytes.prefix(8), as: UTF8.self).lowercased()
        let schemeLength = text.hasPrefix("http://") ? 7 : text.hasPrefix("https://") ? 8 : 0
        guard schemeLength > 0 else {
            throw .malformed("invalid request target \"\(RequestHead.printable(bytes))\"; expected a path starting with /")
        }
        let rest = bytes[schemeLength...]
        guard let slash = rest.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else {
            return nil
        }
        if bytes[slash] == UInt8(ascii: "?") {
            throw .malformed("invalid request target \"\(RequestHead.printable(bytes))\"; the path must start with /")
        }
        return UnsafeRawBufferPointer(rebasing: bytes[slash...])
    }
}
