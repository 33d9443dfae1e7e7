import Foundation
@testable import HTTPServer

/// A CA, a server certificate for loopback and the files real clients need.
struct TLSFixture {
    let authority: CertificateAuthority
    let configuration: HTTPServerConfiguration
    let files: TemporaryFiles
    let caPath: String

    init(clientCA: Bool = false, host: String = "127.0.0.1") throws {
        authority = try CertificateAuthority.generate(commonName: "test CA")
        let server = try authority.issueServerCertificate(dnsNames: ["localhost"], ipAddresses: ["127.0.0.1", "::1"])
        configuration = HTTPServerConfiguration(host: host, tls: TLSConfiguration(
            certificateChainPEM: server.certificatePEM, privateKeyPEM: server.privateKeyPEM,
            clientCAPEM: clientCA ? authority.certificatePEM : nil))
        files = try TemporaryFiles()
        caPath = try files.write("ca.pem", authority.certificatePEM)
    }
}
