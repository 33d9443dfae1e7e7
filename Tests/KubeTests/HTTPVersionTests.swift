import Foundation
import JSON
import Testing
@testable import Kube

/// HTTP/2 is used when the server offers it (ALPN), HTTP/1.1 otherwise.
@Suite("HTTP versions", .timeLimit(.minutes(1)))
struct HTTPVersionTests {
    static let nghttpd = "/usr/sbin/nghttpd"

    @Test func http11WhenTheServerOffersNothingElse() async throws {
        let server = try FakeAPIServer.shared()
        let client = try server.client()
        let request = try await client.transportRequest(APICall(method: "GET", verb: "get", path: "/whoami"), timeout: .seconds(10))
        let response = try await client.loop.perform(request).get()
        #expect(response.head.status == 200)
        #expect(response.head.httpVersion == "1.1")
    }

    /// Needs nghttpd (Debian package nghttp2-server); skipped where it is not installed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: nghttpd)))
    func http2WithFlowControlledStreaming() async throws {
        let certs = try TestCertificates.shared()
        let dir = try TempDirectory()
        try dir.write("htdocs/api/v1/namespaces/default/configmaps/x", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}"#)
        let big = String(repeating: "abcdefghijklmnop", count: 4 << 16)   // 4 MiB
        try dir.write("htdocs/big", big)
        let (process, port) = try startNghttpd(htdocs: dir.path + "/htdocs", certs: certs)
        // nghttpd ignores SIGTERM and SIGINT: only SIGKILL ends it, else it outlives the test.
        defer { Self.stop(process) }
        var config = ClientConfiguration(server: URL(fileURLWithPath: "/"))
        config.server = URL(string: "https://127.0.0.1:\(port)") ?? config.server
        config.certificateAuthorityPEM = certs.pem(certs.caCert)
        let client = try KubeClient(config)

        let request = try await client.transportRequest(APICall(method: "GET", verb: "get", path: "/api/v1/namespaces/default/configmaps/x"), timeout: .seconds(10))
        let response = try await client.loop.perform(request).get()
        #expect(response.head.httpVersion == "2")
        #expect(try JSONParser.parse(response.body)["kind"] == "ConfigMap")

        // A slow consumer of a large HTTP/2 body: the stream pauses and resumes without loss.
        let body = BodyStream(highWater: 64 * 1024)
        let streamRequest = try await client.transportRequest(APICall(method: "GET", verb: "get", path: "/big"), timeout: nil)
        let head = try await client.loop.stream(streamRequest, body: body).get()
        #expect(head.httpVersion == "2")
        var received = 0
        var chunks = 0
        while let chunk = try await body.next() {
            received += chunk.count
            chunks += 1
            if chunks % 50 == 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
        #expect(received == big.utf8.count)
        #expect(body.peakBufferedBytes <= 64 * 1024 + 128 * 1024)
    }

    /// nghttpd takes a fixed port: try a few random ones until it stays up and answers.
    func startNghttpd(htdocs: String, certs: TestCertificates) throws -> (Process, Int) {
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<60_000)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.nghttpd)
            p.arguments = ["-a", "127.0.0.1", "-d", htdocs, String(port), certs.serverKey, certs.serverCert]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            for _ in 0..<50 {
                usleep(20_000)
                if !p.isRunning { break }
                if canConnect(port) { return (p, port) }
            }
            Self.stop(p)
        }
        throw TestSetupError("nghttpd did not start")
    }

    static func stop(_ p: Process) {
        guard p.isRunning else { return }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
    }

    func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
