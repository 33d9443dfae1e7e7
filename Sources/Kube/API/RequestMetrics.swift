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
