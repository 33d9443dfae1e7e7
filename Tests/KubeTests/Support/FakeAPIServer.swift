import Foundation
import JSON
import Kube
import Synchronization

/// The Python fake API server (Fixtures/fake_apiserver.py) on 127.0.0.1 with an ephemeral port.
/// It exits when its stdin closes, so a crashed test run leaves nothing behind.
final class FakeAPIServer: Sendable {
    let port: Int
    let certificates: TestCertificates
    private let process: ProcessBox
    private let stdin: Pipe

    private final class ProcessBox: @unchecked Sendable {
        let p: Process
        init(_ p: Process) { self.p = p }
    }

    /// The script, written once per test process.
    static func scriptPath() throws -> String {
        try written.withLock { path in
            if let path { return path }
            let p = NSTemporaryDirectory() + "kube-fake-apiserver-\(getpid()).py"
            try Data(fakeAPIServerScript.utf8).write(to: URL(fileURLWithPath: p))
            path = p
            return p
        }
    }

    private static let written = Mutex<String?>(nil)

    /// - Parameters:
    ///   - named: serve the certificate valid only for kube.test.
    ///   - requireAuth: "" none, "any" any credentials, or a comma list of accepted Authorization values.
    init(named: Bool = false, requireAuth: String = "") throws {
        let certs = try TestCertificates.shared()
        certificates = certs
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", try Self.scriptPath(),
                       "--cert", named ? certs.namedServerCert : certs.serverCert,
                       "--key", named ? certs.namedServerKey : certs.serverKey,
                       "--client-ca", certs.caCert, "--require-auth", requireAuth]
        let out = Pipe()
        let input = Pipe()
        p.standardOutput = out
        p.standardInput = input
        try p.run()
        stdin = input
        process = ProcessBox(p)
        // Read "PORT n" with a deadline so a broken server fails the test instead of hanging it.
        let got = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let handle = out.fileHandleForReading
        DispatchQueue.global().async {
            var line = Data()
            while true {
                let d = handle.availableData
                if d.isEmpty { break }
                line.append(d)
                if line.contains(0x0A) { break }
            }
            got.withLock { $0 = String(decoding: line, as: UTF8.self) }
            done.signal()
        }
        guard done.wait(timeout: .now() + 20) == .success,
              let text = got.withLock({ $0 }), text.hasPrefix("PORT "),
              let port = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            p.terminate()
            throw TestSetupError("fake API server did not start")
        }
        self.port = port
    }

    deinit { stop() }

    private static let sharedServer = Mutex<FakeAPIServer?>(nil)

    /// One plain server for the whole test process, for tests that keep to their own
    /// namespaces and fault keys (starting a server per test costs more than the test).
    static func shared() throws -> FakeAPIServer {
        try sharedServer.withLock { s in
            if let s { return s }
            let server = try FakeAPIServer()
            s = server
            return server
        }
    }

    /// The requests the server logged whose path and query contain `fragment`.
    func requests(containing fragment: String, via client: KubeClient) async throws -> [JSONValue] {
        let q = fragment.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? fragment
        return try await client.getRaw("/debug/requests?contains=\(q)")["requests"]?.arrayValue ?? []
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.p.isRunning { process.p.terminate() }
    }

    var url: URL { URL(string: "https://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/unreachable") }

    /// A configuration that trusts the test CA.
    func configuration() -> ClientConfiguration {
        var c = ClientConfiguration(server: url)
        c.certificateAuthorityPEM = certificates.pem(certificates.caCert)
        c.retryBaseDelay = .milliseconds(20)
        c.timeout = .seconds(20)
        return c
    }

    func client(_ adjust: (inout ClientConfiguration) -> Void = { _ in }) throws -> KubeClient {
        var c = configuration()
        adjust(&c)
        return try KubeClient(c)
    }
}
