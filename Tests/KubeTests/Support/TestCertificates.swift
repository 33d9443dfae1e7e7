import Foundation
import Synchronization

/// A CA, server and client certificates made with the openssl CLI, once per test process.
struct TestCertificates: Sendable {
    let directory: String
    var caCert: String { directory + "/ca.crt" }
    var serverCert: String { directory + "/server.crt" }
    var serverKey: String { directory + "/server.key" }
    /// Valid only for DNS:kube.test, to exercise tls-server-name.
    var namedServerCert: String { directory + "/named.crt" }
    var namedServerKey: String { directory + "/named.key" }
    var clientCert: String { directory + "/client.crt" }
    var clientKey: String { directory + "/client.key" }
    /// A CA that signed nothing the server uses.
    var otherCACert: String { directory + "/other-ca.crt" }

    func pem(_ path: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data() }

    private static let made = Mutex<Result<TestCertificates, TestSetupError>?>(nil)

    static func shared() throws -> TestCertificates {
        try made.withLock { cached in
            if let cached { return try cached.get() }
            let r = Result { () throws(TestSetupError) -> TestCertificates in try generate() }
            cached = r
            return try r.get()
        }
    }

    private static func generate() throws(TestSetupError) -> TestCertificates {
        let dir = NSTemporaryDirectory() + "kube-tests-certs-\(getpid())-\(UUID().uuidString.prefix(8))"
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw TestSetupError("cannot create \(dir): \(error)")
        }
        let script = """
        set -e
        cd '\(dir)'
        openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj '/CN=test-ca' 2>/dev/null
        openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.crt -days 2 -subj '/CN=other-ca' 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nextendedKeyUsage=serverAuth\\n' > server.ext
        openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=127.0.0.1' 2>/dev/null
        openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile server.ext 2>/dev/null
        printf 'subjectAltName=DNS:kube.test\\nextendedKeyUsage=serverAuth\\n' > named.ext
        openssl req -newkey rsa:2048 -nodes -keyout named.key -out named.csr -subj '/CN=kube.test' 2>/dev/null
        openssl x509 -req -in named.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out named.crt -days 2 -extfile named.ext 2>/dev/null
        printf 'extendedKeyUsage=clientAuth\\n' > client.ext
        openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj '/O=admins/CN=alice' 2>/dev/null
        openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 2 -extfile client.ext 2>/dev/null
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        do { try p.run() } catch { throw TestSetupError("cannot run openssl: \(error)") }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw TestSetupError("openssl failed with status \(p.terminationStatus)") }
        return TestCertificates(directory: dir)
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
