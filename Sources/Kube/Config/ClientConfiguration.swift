import Foundation

/// Everything needed to talk to one API server.
public struct ClientConfiguration: Sendable {
    /// The API server base URL ("https://127.0.0.1:6443"); may carry a path prefix.
    public var server: URL
    public var certificateAuthorityPEM: Data?
    public var insecureSkipTLSVerify = false
    /// Verify the server certificate against this name instead of the server URL's host.
    public var tlsServerName: String?
    public var clientCertificatePEM: Data?
    public var clientKeyPEM: Data?
    public var credentials: Credentials = .none
    /// The context's namespace, or "default".
    public var namespace = "default"
    /// Client-side rate limit: sustained requests per second (0 or less: unlimited) and burst.
    public var qps: Double = 50
    public var burst = 100
    /// Timeout of each non-watch request.
    public var timeout: Duration = .seconds(60)
    public var userAgent = "threat-monitor/\(KubeVersion.current)"
    /// Retries of 429, 503 and connection failures (see RetryPolicy).
    public var maxRetries = 5
    /// First retry delay; doubles per attempt, capped at 10 s, unless the server sends Retry-After.
    public var retryBaseDelay: Duration = .milliseconds(200)
    /// How often a token file is checked for rotation (client-go: one minute).
    public var tokenFileRefreshInterval: Duration = .seconds(60)
    /// Bytes of a watch body buffered before the transfer pauses for a slow consumer.
    public var watchBufferBytes = 1 << 20
    /// Records every (verb, group, resource, subresource) called, for RBAC checks.
    public var recorder: RequestRecorder?
    /// Called once per completed request, for metrics.
    public var observer: (@Sendable (RequestMetrics) -> Void)?

    public init(server: URL) {
        self.server = server
    }

    var tls: TLSSettings {
        TLSSettings(caPEM: certificateAuthorityPEM, insecureSkipVerify: insecureSkipTLSVerify, serverName: tlsServerName,
                    clientCertificatePEM: clientCertificatePEM, clientKeyPEM: clientKeyPEM)
    }
}
