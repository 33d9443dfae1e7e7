import Foundation

/// What one request carries to authenticate.
struct AuthMaterial: Sendable {
    var authorization: String?
    /// A client certificate from an exec plugin (overrides the configured one).
    var clientCertificatePEM: Data?
    var clientKeyPEM: Data?
}
