/// TLS for an `HTTPServer`: TLS 1.2+, ALPN `http/1.1` only, SNI ignored.
public struct TLSConfiguration: Sendable {
    /// The server certificate first, then any intermediates, PEM.
    public var certificateChainPEM: String
    /// The server certificate's private key, PEM (PKCS#8 or traditional).
    public var privateKeyPEM: String
    /// When set, clients are asked (not required) for a certificate; one presented must verify
    /// against these CA certificates, and its identity appears in `HTTPRequest.clientCertificate`.
    public var clientCAPEM: String?

    public init(certificateChainPEM: String, privateKeyPEM: String, clientCAPEM: String? = nil) {
        self.certificateChainPEM = certificateChainPEM
        self.privateKeyPEM = privateKeyPEM
        self.clientCAPEM = clientCAPEM
    }
}
