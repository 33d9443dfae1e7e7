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
