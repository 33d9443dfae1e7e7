/// How a DevCluster listens and behaves.
public struct DevClusterOptions: Sendable {
    /// Loopback only: DevCluster is a test and demo tool.
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// How often watches that asked for bookmarks get one.
    public var bookmarkInterval: Duration
    /// Events kept for watches to resume from; older resourceVersions get 410 Gone.
    public var historyLimit: Int
    /// The bearer token clients must send; nil generates a random one.
    public var token: String?
    /// Watches without timeoutSeconds end after this (kube-apiserver: 30 to 60 minutes).
    public var watchTimeout: Duration

    public init(host: String = "127.0.0.1", port: Int = 0, bookmarkInterval: Duration = .seconds(60),
                historyLimit: Int = 10_000, token: String? = nil, watchTimeout: Duration = .seconds(1800)) {
        self.host = host
        self.port = port
        self.bookmarkInterval = bookmarkInterval
        self.historyLimit = historyLimit
        self.token = token
        self.watchTimeout = watchTimeout
    }
}

/// Where a started DevCluster listens and how to authenticate to it.
public struct DevClusterEndpoint: Sendable, Equatable {
    /// "https://127.0.0.1:PORT".
    public let url: String
    public let port: Int
    /// The CA that signed the server (and client) certificates, PEM.
    public let caPEM: String
    /// Bearer token accepted on every request.
    public let token: String
    /// A client certificate (CN dev-admin, O system:masters) the server also accepts, PEM.
    public let clientCertificatePEM: String
    public let clientKeyPEM: String
}

/// Why a DevCluster could not start or apply manifests.
public enum DevClusterError: Error, Sendable, Equatable, CustomStringConvertible {
    case certificates(String)
    case listen(host: String, port: Int, reason: String)
    case manifest(index: Int, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .certificates(let r): "cannot create the dev cluster's certificates: \(r)"
        case .listen(let h, let p, let r): "cannot listen on \(h):\(p): \(r)"
        case .manifest(let i, let r): "manifest document \(i): \(r)"
        case .writeFailed(let p, let r): "cannot write \(p): \(r)"
        }
    }
}
