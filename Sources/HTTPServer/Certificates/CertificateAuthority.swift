import COpenSSL

/// An in-memory certificate authority (EC P-256, SHA-256 signatures) for serving TLS and
/// issuing client certificates in development and tests.
public struct CertificateAuthority: Sendable {
    public let certificatePEM: String
    /// The CA's private key, PEM (PKCS#8).
    public let privateKeyPEM: String

    /// Everything issued is valid from five minutes ago (clock skew) for one year.
    static let validitySeconds = 365 * 24 * 3600

    /// A new self-signed CA valid for one year.
    public static func generate(commonName: String) throws(CertificateError) -> CertificateAuthority {
        let key = try X509Builder.generateKey()
        defer { X509Builder.free(key) }
        let pem = try X509Builder.build(
            subject: [("CN", commonName)], key: key, issuer: nil,
            extensions: [(NID_basic_constraints, "critical,CA:TRUE"), (NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature")])
        return CertificateAuthority(certificatePEM: pem, privateKeyPEM: try X509Builder.privateKeyPEM(key))
    }

    /// Rebuilds a CA from PEM kept elsewhere (for instance on disk across runs).
    public init(certificatePEM: String, privateKeyPEM: String) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }

    /// A server certificate for the given names (subjectAltName), signed by this CA.
    public func issueServerCertificate(dnsNames: [String], ipAddresses: [String]) throws(CertificateError) -> (certificatePEM: String, privateKeyPEM: String) {
        let alternativeNames = try SubjectAltName.value(dnsNames: dnsNames, ipAddresses: ipAddresses)
        var extensions: [(Int32, String)] = [(NID_basic_constraints, "critical,CA:FALSE"),
                                             (NID_key_usage, "critical,digitalSignature,keyEncipherment"),
                                             (NID_ext_key_usage, "serverAuth")]
        if !alternativeNames.isEmpty { extensions.append((NID_subject_alt_name, alternativeNames)) }
        return try issue(subject: [("CN", dnsNames.first ?? ipAddresses.first ?? "server")], extensions: extensions)
    }

    /// A client certificate: Kubernetes reads the user from CN and the groups from O.
    public func issueClientCertificate(commonName: String, organizations: [String]) throws(CertificateError) -> (certificatePEM: String, privateKeyPEM: String) {
        try issue(subject: organizations.map { ("O", $0) } + [("CN", commonName)],
                  extensions: [(NID_basic_constraints, "critical,CA:FALSE"),
                               (NID_key_usage, "critical,digitalSignature,keyEncipherment"),
                               (NID_ext_key_usage, "clientAuth")])
    }

    private func issue(subject: [(String, String)], extensions: [(Int32, String)]) throws(CertificateError) -> (certificatePEM: String, privateKeyPEM: String) {
        let authority = try X509Builder.loadAuthority(certificatePEM: certificatePEM, privateKeyPEM: privateKeyPEM)
        defer { authority.free() }
        let key = try X509Builder.generateKey()
        defer { X509Builder.free(key) }
        let pem = try X509Builder.build(subject: subject, key: key, issuer: authority, extensions: extensions)
        return (pem, try X509Builder.privateKeyPEM(key))
    }
}
