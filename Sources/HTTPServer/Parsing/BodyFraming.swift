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
