import Foundation

/// How the length of a request body is known (RFC 9112 §6.3).
enum BodyFraming: Equatable {
    case none
    case contentLength(Int)
    case chunked

    static func of(_ head: RequestHead, limit: Int) throws(HTTPParseError) -> BodyFraming {
        let encodings = head.headers.values("Transfer-Encoding")
        let lengths = head.headers.values("Content-Length")
        if !encodings.isEmpty {
            // Both framings at once is how requests are smuggled: refuse rather than guess.
            guard lengths.isEmpty else { throw .malformed("Transfer-Encoding and Content-Length must not both be set") }
            let codings = encodings.flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard codings == ["chunked"] else {
                throw .notImplemented("Transfer-Encoding \"\(encodings.joined(separator: ", "))\" is not supported; only chunked is")
            }
            return .chunked
        }
        guard !lengths.isEmpty else { return .none }
        var length: Int?
        for value in lengths.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let digits = value.trimmingCharacters(in: .whitespaces)
            guard !digits.isEmpty, digits.utf8.count <= 18, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let parsed = Int(digits) else {
                throw .malformed("invalid Content-Length \"\(value)\"")
            }
            if let length, length != parsed { throw .malformed("conflicting Content-Length values") }
            length = parsed
        }
        guard let length else { return .none }
        if length > limit { throw .bodyTooLarge(limit: limit) }
        return length == 0 ? .none : .contentLength(length)
    }
}

/// The size line of one chunk: hex digits, optional extensions after `;`.
enum ChunkSizeLine {
    static func parse(_ line: UnsafeRawBufferPointer) throws(HTTPParseError) -> Int {
        var size = 0, digits = 0, index = 0
        while index < line.count, let value = ByteClass.hexValue(line[index]) {
            // 15 hex digits stay below Int.max; nothing legitimate is anywhere near that.
            guard digits < 15 else { throw .malformed("chunk size is too large") }
            size = size << 4 | value
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw .malformed("invalid chunk size line \"\(RequestHead.printable(line))\"") }
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        guard index == line.count || line[index] == UInt8(ascii: ";") else {
            throw .malformed("invalid chunk size line \"\(RequestHead.printable(line))\"")
        }
        return size
    }
}
