import Synchronization

/// One API call in RBAC terms.
public struct RecordedRequest: Sendable, Hashable, CustomStringConvertible {
    /// get, list, watch, create, update, patch, delete, deletecollection.
    public var verb: String
    public var group: String
    public var resource: String
    public var subresource: String?

    public init(verb: String, group: String, resource: String, subresource: String? = nil) {
        self.verb = verb
        self.group = group
        self.resource = resource
        self.subresource = subresource
    }

    /// "patch threatmonitor.dev/policyalerts/status".
    public var description: String {
        let r = subresource.map { "\(resource)/\($0)" } ?? resource
        return "\(verb) \(group.isEmpty ? "core" : group)/\(r)"
    }
}

/// Collects the distinct calls a client made, so tests can compare them with a ClusterRole.
public final class RequestRecorder: Sendable {
    private let calls = Mutex<Set<RecordedRequest>>([])

    public init() {}

    public func record(_ r: RecordedRequest) { _ = calls.withLock { $0.insert(r) } }

    public var recorded: Set<RecordedRequest> { calls.withLock { $0 } }

    public func reset() { calls.withLock { $0.removeAll() } }
}

/// One completed request, for metrics.
public struct RequestMetrics: Sendable {
    public var verb: String
    public var group: String
    public var resource: String
    public var subresource: String?
    /// HTTP status, or nil when no answer came (transport error, cancellation).
    public var code: Int?
    public var latency: Duration
    /// The HTTP method and the host, for client-go style labels.
    public var method: String
    public var host: String
}
