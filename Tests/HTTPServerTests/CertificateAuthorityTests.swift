import Foundation
import Testing
@testable import HTTPServer

@Suite struct CertificateAuthorityIssuing {
    @Test func issuedCertificatesVerifyWithOpenSSL() async throws {
        let openssl = try #require(ExternalTool.which("openssl"))
        let authority = try CertificateAuthority.generate(commonName: "threat-monitor test CA")
        let server = try authority.issueServerCertificate(dnsNames: ["localhost", "*.svc.local"], ipAddresses: ["127.0.0.1", "::1"])
        let client = try authority.issueClientCertificate(commonName: "jane", organizations: ["system:masters", "team-a"])
        let files = try TemporaryFiles()
        let caPath = try files.write("ca.pem", authority.certificatePEM)
        let serverPath = try files.write("server.pem", server.certificatePEM)
        let clientPath = try files.write("client.pem", client.certificatePEM)

        let verified = try await ExternalTool.run(openssl, ["verify", "-CAfile", caPath, serverPath, clientPath])
        #expect(verified.status == 0, "\(verified.errorOutput)")

        let serverText = try await ExternalTool.run(openssl, ["x509", "-in", serverPath, "-noout", "-text"]).output
        #expect(serverText.contains("DNS:localhost"))
        #expect(serverText.contains("DNS:*.svc.local"))
        #expect(serverText.contains("IP Address:127.0.0.1"))
        #expect(serverText.contains("IP Address:0:0:0:0:0:0:0:1"))
        #expect(serverText.contains("TLS Web Server Authentication"))
        #expect(serverText.contains("prime256v1"))

        let clientSubject = try await ExternalTool.run(openssl, ["x509", "-in", clientPath, "-noout", "-subject", "-nameopt", "RFC2253"]).output
        #expect(clientSubject.contains("CN=jane"))
        #expect(clientSubject.contains("O=system:masters"))
        #expect(clientSubject.contains("O=team-a"))

        let caText = try await ExternalTool.run(openssl, ["x509", "-in", caPath, "-noout", "-text"]).output
        #expect(caText.contains("CA:TRUE"))
        #expect(caText.contains("Certificate Sign"))
    }

    @Test func keysAreFreshEachTime() throws {
        let authority = try CertificateAuthority.generate(commonName: "ca")
        let first = try authority.issueServerCertificate(dnsNames: ["localhost"], ipAddresses: [])
        let second = try authority.issueServerCertificate(dnsNames: ["localhost"], ipAddresses: [])
        #expect(first.privateKeyPEM != second.privateKeyPEM)
        #expect(first.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(try CertificateAuthority.generate(commonName: "ca").certificatePEM != authority.certificatePEM)
    }

    // MARK: Bad names

    @Test(arguments: ["", "a,IP:1.2.3.4", "-bad.example", "bad-.example", "a..b", "under_score.example", "sp ace"])
    func rejectsBadDNSNames(_ name: String) throws {
        let authority = try CertificateAuthority.generate(commonName: "ca")
        #expect(throws: CertificateError.invalidDNSName(name)) { try authority.issueServerCertificate(dnsNames: [name], ipAddresses: []) }
    }

    @Test(arguments: ["", "256.0.0.1", "127.0.0.1,DNS:evil", "::g", "localhost"])
    func rejectsBadIPAddresses(_ address: String) throws {
        let authority = try CertificateAuthority.generate(commonName: "ca")
        #expect(throws: CertificateError.invalidIPAddress(address)) { try authority.issueServerCertificate(dnsNames: [], ipAddresses: [address]) }
    }

    @Test func rejectsAMismatchedAuthorityKey() throws {
        let one = try CertificateAuthority.generate(commonName: "one")
        let two = try CertificateAuthority.generate(commonName: "two")
        let mixed = CertificateAuthority(certificatePEM: one.certificatePEM, privateKeyPEM: two.privateKeyPEM)
        #expect { try mixed.issueClientCertificate(commonName: "x", organizations: []) } throws: { error in
            guard case .invalidAuthority = error as? CertificateError else { return false }
            return true
        }
    }
}
