import Foundation

/// TLS settings for one server, already resolved to in-memory PEMs.
struct TLSSettings: Sendable, Hashable {
    var caPEM: Data?
    var insecureSkipVerify = false
    /// Name to verify the server certificate against instead of the URL's host.
    var serverName: String?
    var clientCertificatePEM: Data?
    var clientKeyPEM: Data?
}

/// One HTTP exchange as the transport sees it.
struct TransportRequest: Sendable {
    var method: String
    var url: URL
    var headers: [(String, String)]
    var body: Data?
    var tls: TLSSettings
    /// Whole-transfer timeout; nil for none (watches).
    var timeout: Duration?
    var connectTimeout: Duration = .seconds(30)
    var userAgent: String

    /// "https://127.0.0.1:6443", for error messages.
    var origin: String {
        var s = "\(url.scheme ?? "https")://\(url.host ?? "")"
        if let p = url.port { s += ":\(p)" }
        return s
    }
}

/// Status line and headers of a response.
struct TransportHead: Sendable {
    var status: Int
    /// Header names lower-cased; later values win.
    var headers: [String: String]
}

/// A fully buffered response.
struct TransportResponse: Sendable {
    var head: TransportHead
    var body: Data
}

/// A failed exchange, and whether sending it again may help (connection-level failures).
struct TransportError: Error, Sendable {
    var error: KubeError
    var retryable: Bool
}
