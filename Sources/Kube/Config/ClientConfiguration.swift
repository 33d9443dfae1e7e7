import Foundation

/// How the client authenticates, besides a client certificate.
public enum Credentials: Sendable, Hashable {
    case none
    case bearerToken(String)
    /// A token read from a file and re-read when the file changes (projected service-account tokens rotate).
    case tokenFile(path: String)
    case basic(username: String, password: String)
    case exec(ExecConfig)
}

/// An exec credential plugin (client.authentication.k8s.io v1 / v1beta1), as in kubeconfig's `user.exec`.
public struct ExecConfig: Sendable, Hashable {
    public var command: String
    public var args: [String]
    public var env: [EnvVar]
    public var apiVersion: String
    public var installHint: String?
    public var provideClusterInfo: Bool

    public struct EnvVar: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(command: String, args: [String] = [], env: [EnvVar] = [],
                apiVersion: String = "client.authentication.k8s.io/v1", installHint: String? = nil,
                provideClusterInfo: Bool = false) {
        self.command = command
        self.args = args
        self.env = env
        self.apiVersion = apiVersion
        self.installHint = installHint
        self.provideClusterInfo = provideClusterInfo
    }
}

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

/// The version reported in the user agent.
public enum KubeVersion {
    public static let current = "0.1.0"
}
