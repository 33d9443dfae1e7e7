/// Why a request could not be read; each maps to the status the client gets before the
/// connection is closed.
enum HTTPParseError: Error, Equatable {
    case malformed(String)
    case headersTooLarge(limit: Int)
    case bodyTooLarge(limit: Int)
    case versionNotSupported(String)
    case notImplemented(String)
    case expectationFailed(String)

    var status: Int {
        switch self {
        case .malformed: 400
        case .headersTooLarge: 431
        case .bodyTooLarge: 413
        case .versionNotSupported: 505
        case .notImplemented: 501
        case .expectationFailed: 417
        }
    }

    var message: String {
        switch self {
        case let .malformed(reason): reason
        case let .headersTooLarge(limit): "request line and headers exceed \(limit) bytes"
        case let .bodyTooLarge(limit): "request body exceeds \(limit) bytes"
        case let .versionNotSupported(version): "HTTP version \(version) is not supported; use HTTP/1.1"
        case let .notImplemented(what): what
        case let .expectationFailed(value): "Expect: \(value) is not supported; only 100-continue is"
        }
    }
}
