import JSON

/// The Kubernetes `Status` object a server returns with a failed request.
public struct APIStatus: Codable, Sendable, Hashable, CustomStringConvertible {
    public struct Cause: Codable, Sendable, Hashable {
        public var reason: String?
        public var message: String?
        public var field: String?
        public init(reason: String? = nil, message: String? = nil, field: String? = nil) {
            self.reason = reason
            self.message = message
            self.field = field
        }
    }

    public struct Details: Codable, Sendable, Hashable {
        public var name: String?
        public var group: String?
        public var kind: String?
        public var uid: String?
        public var causes: [Cause]?
        public var retryAfterSeconds: Int?
        public init(name: String? = nil, group: String? = nil, kind: String? = nil, uid: String? = nil,
                    causes: [Cause]? = nil, retryAfterSeconds: Int? = nil) {
            self.name = name
            self.group = group
            self.kind = kind
            self.uid = uid
            self.causes = causes
            self.retryAfterSeconds = retryAfterSeconds
        }
    }

    public var status: String?
    public var message: String?
    /// "NotFound", "AlreadyExists", "Conflict", "Invalid", "Expired", "Gone", ...
    public var reason: String?
    public var code: Int
    public var details: Details?

    public init(status: String? = "Failure", message: String? = nil, reason: String? = nil, code: Int, details: Details? = nil) {
        self.status = status
        self.message = message
        self.reason = reason
        self.code = code
        self.details = details
    }

    /// Reads a Status object; nil when the value is not one.
    public init?(_ value: JSONValue) {
        guard value["kind"]?.stringValue == "Status", let decoded = try? value.decode(APIStatus.self) else { return nil }
        self = decoded
    }

    public var description: String {
        var s = "\(code) \(reason ?? "Failure"): \(message ?? "no message")"
        if let causes = details?.causes, !causes.isEmpty {
            s += " [" + causes.map { c in
                [c.field, c.message ?? c.reason].compactMap { $0 }.joined(separator: ": ")
            }.joined(separator: "; ") + "]"
        }
        return s
    }
}
