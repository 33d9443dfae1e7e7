/// Everything a Kubernetes API call can fail with.
public enum KubeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered with a failure `Status` (or an HTTP error turned into one).
    case status(APIStatus)
    /// The watch or list resourceVersion is too old (HTTP 410 / ERROR event with code 410): relist.
    case resourceVersionExpired(String)
    /// The request never got an HTTP answer: connection refused, reset, TLS failure.
    case transport(host: String, reason: String)
    case timeout(String)
    case cancelled
    /// The server's answer is not what the API promises.
    case decoding(String)
    /// The client configuration or the request itself is unusable.
    case configuration(String)
    /// Discovery does not know this kind.
    case unknownKind(kind: String, apiVersion: String)
    /// An exec credential plugin or token source failed.
    case authentication(String)

    public var description: String {
        switch self {
        case .status(let s): return s.description
        case .resourceVersionExpired(let m): return "resource version expired: \(m)"
        case .transport(_, let reason): return reason
        case .timeout(let m): return "timed out: \(m)"
        case .cancelled: return "cancelled"
        case .decoding(let m): return "decoding failed: \(m)"
        case .configuration(let m): return "invalid client configuration: \(m)"
        case .unknownKind(let kind, let apiVersion):
            return "the server has no resource for kind \(kind) in \(apiVersion) (is the CRD installed?)"
        case .authentication(let m): return "authentication failed: \(m)"
        }
    }

    /// The HTTP status code, when the server answered.
    public var statusCode: Int? {
        switch self {
        case .status(let s): return s.code
        case .resourceVersionExpired: return 410
        default: return nil
        }
    }

    public var apiStatus: APIStatus? { if case .status(let s) = self { return s } else { return nil } }
    public var isNotFound: Bool { statusCode == 404 }
    public var isConflict: Bool { statusCode == 409 && apiStatus?.reason != "AlreadyExists" }
    public var isAlreadyExists: Bool { apiStatus?.reason == "AlreadyExists" }
    public var isInvalid: Bool { statusCode == 422 || apiStatus?.reason == "Invalid" }
    public var isUnauthorized: Bool { statusCode == 401 }
    public var isForbidden: Bool { statusCode == 403 }
    public var isTooManyRequests: Bool { statusCode == 429 }
}
