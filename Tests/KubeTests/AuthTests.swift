import Foundation
import JSON
import Testing
@testable import Kube

@Suite("Authentication methods against the fake server", .timeLimit(.minutes(1)))
struct AuthTests {
    let dir: TempDirectory

    init() throws { dir = try TempDirectory() }

    func whoami(_ server: FakeAPIServer, _ adjust: (inout ClientConfiguration) -> Void) async throws -> JSONValue {
        try await server.client(adjust).getRaw("/whoami")
    }

    @Test func bearerToken() async throws {
        let server = try FakeAPIServer(requireAuth: "Bearer abc")
        let who = try await whoami(server) { $0.credentials = .bearerToken("abc") }
        #expect(who["authorization"] == "Bearer abc")
        let wrong = try server.client { $0.credentials = .bearerToken("nope") }
        do {
            _ = try await wrong.getRaw("/whoami")
            Issue.record("expected 401")
        } catch { #expect(error.isUnauthorized) }
    }

    @Test func basicAuth() async throws {
        let expected = "Basic " + Data("admin:s3cret".utf8).base64EncodedString()
        let server = try FakeAPIServer(requireAuth: expected)
        let who = try await whoami(server) { $0.credentials = .basic(username: "admin", password: "s3cret") }
        #expect(who["authorization"] == .string(expected))
    }

    @Test func clientCertificateFromKubeconfigFiles() async throws {
        let server = try FakeAPIServer(requireAuth: "any")
        let certs = server.certificates
        let path = try dir.write("config", """
        current-context: c
        clusters: [{name: k, cluster: {server: "\(server.url.absoluteString)", certificate-authority: "\(certs.caCert)"}}]
        contexts: [{name: c, context: {cluster: k, user: u}}]
        users: [{name: u, user: {client-certificate: "\(certs.clientCert)", client-key: "\(certs.clientKey)"}}]
        """)
        let client = try KubeClient(try ClientConfiguration.load(kubeconfigPath: path, environment: [:]))
        let who = try await client.getRaw("/whoami")
        #expect(who["clientCN"] == "alice")
        #expect(who["authorization"] == .null)
    }

    @Test func inClusterServiceAccount() async throws {
        let server = try FakeAPIServer(requireAuth: "Bearer sa-token")
        try dir.write("sa/token", "sa-token\n")
        try Data(contentsOf: URL(fileURLWithPath: server.certificates.caCert)).write(to: URL(fileURLWithPath: dir.path + "/sa/ca.crt"))
        let env = ["KUBERNETES_SERVICE_HOST": "127.0.0.1", "KUBERNETES_SERVICE_PORT": String(server.port)]
        let config = try ClientConfiguration.inCluster(environment: env, serviceAccountDirectory: dir.path + "/sa")
        let who = try await KubeClient(config).getRaw("/whoami")
        #expect(who["authorization"] == "Bearer sa-token")
    }

    @Test func execPluginClientCertificate() async throws {
        let server = try FakeAPIServer(requireAuth: "any")
        let certs = server.certificates
        func jsonString(_ path: String) -> String { JSONWriter.string(.string(String(decoding: certs.pem(path), as: UTF8.self))) }
        let credential = "{\"apiVersion\": \"client.authentication.k8s.io/v1\", \"kind\": \"ExecCredential\", \"status\": "
            + "{\"clientCertificateData\": \(jsonString(certs.clientCert)), \"clientKeyData\": \(jsonString(certs.clientKey))}}"
        try dir.write("credential.json", credential)
        let plugin = try dir.write("cert-plugin.sh", "#!/bin/sh\ncat '\(dir.path)/credential.json'\n", executable: true)
        let who = try await whoami(server) { $0.credentials = .exec(ExecConfig(command: plugin)) }
        #expect(who["clientCN"] == "alice")
        #expect(who["authorization"] == .null)
    }

    // MARK: Token files

    @Test func tokenFileRotationIsPickedUp() async throws {
        let server = try FakeAPIServer(requireAuth: "any")
        let token = try dir.write("token", "first\n")
        let client = try server.client {
            $0.credentials = .tokenFile(path: token)
            $0.tokenFileRefreshInterval = .zero
        }
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer first")
        try rotate(token, to: "second")
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer second")
    }

    @Test func tokenFileIsCachedBetweenChecks() async throws {
        let server = try FakeAPIServer(requireAuth: "any")
        let token = try dir.write("token", "first")
        let client = try server.client {
            $0.credentials = .tokenFile(path: token)
            $0.tokenFileRefreshInterval = .seconds(3600)
        }
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer first")
        try rotate(token, to: "second")
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer first")
    }

    @Test func tokenFileIsReReadAfter401() async throws {
        let server = try FakeAPIServer(requireAuth: "Bearer second")
        let token = try dir.write("token", "first")
        let client = try server.client {
            $0.credentials = .tokenFile(path: token)
            $0.tokenFileRefreshInterval = .seconds(3600)
        }
        do {
            _ = try await client.getRaw("/whoami")
            Issue.record("expected 401")
        } catch { #expect(error.isUnauthorized) }
        try rotate(token, to: "second")
        // The cached "first" gets a 401, which forces a re-read well inside the interval.
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer second")
    }

    @Test func unreadableTokenFile() async throws {
        let server = try FakeAPIServer()
        let client = try server.client { $0.credentials = .tokenFile(path: dir.path + "/absent") }
        do {
            _ = try await client.getRaw("/whoami")
            Issue.record("expected an error")
        } catch {
            guard case .authentication(let m) = error else { Issue.record("got \(error)"); return }
            #expect(m.contains(dir.path + "/absent"))
        }
    }

    func rotate(_ path: String, to token: String) throws {
        try Data(token.utf8).write(to: URL(fileURLWithPath: path))
        // Make the change visible even on file systems with coarse timestamps.
        let next = Date().addingTimeInterval(Double(token.count) + Double.random(in: 1..<1000))
        try FileManager.default.setAttributes([.modificationDate: next], ofItemAtPath: path)
    }

    // MARK: Exec plugins

    /// A plugin that counts its runs and prints token "tok-N", expiring after $EXPIRES_IN seconds
    /// (no expiry when unset); it also saves the KUBERNETES_EXEC_INFO it got.
    func plugin() throws -> String {
        try dir.write("plugin.sh", """
        #!/bin/sh
        n=$(cat "$STATE/count" 2>/dev/null || echo 0)
        n=$((n + 1))
        echo "$n" > "$STATE/count"
        printf '%s' "$KUBERNETES_EXEC_INFO" > "$STATE/info"
        exp=""
        if [ -n "$EXPIRES_IN" ]; then
          exp=", \\"expirationTimestamp\\": \\"$(date -u -d "@$(( $(date +%s) + EXPIRES_IN ))" +%Y-%m-%dT%H:%M:%SZ)\\""
        fi
        printf '{"apiVersion": "%s", "kind": "ExecCredential", "status": {"token": "tok-%s"%s}}' "$API_VERSION" "$n" "$exp"
        """, executable: true)
    }

    func runs() -> Int {
        (try? String(contentsOfFile: dir.path + "/count", encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
    }

    func exec(_ apiVersion: String, expiresIn: Int?) throws -> Credentials {
        var env: [ExecConfig.EnvVar] = [.init(name: "STATE", value: dir.path), .init(name: "API_VERSION", value: apiVersion)]
        if let expiresIn { env.append(.init(name: "EXPIRES_IN", value: String(expiresIn))) }
        return .exec(ExecConfig(command: try plugin(), env: env, apiVersion: apiVersion, provideClusterInfo: true))
    }

    @Test(arguments: ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"])
    func execPluginTokenIsCachedUntilExpiry(apiVersion: String) async throws {
        let server = try FakeAPIServer(requireAuth: "any")
        let credentials = try exec(apiVersion, expiresIn: 3600)
        let client = try server.client { $0.credentials = credentials }
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer tok-1")
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer tok-1")
        #expect(runs() == 1)
        let info = try JSONParser.parse(try String(contentsOfFile: dir.path + "/info", encoding: .utf8))
        #expect(info["kind"] == "ExecCredential")
        #expect(info["apiVersion"] == .string(apiVersion))
        #expect(info[path: ["spec", "cluster", "server"]] == .string(server.url.absoluteString))
        #expect(info[path: ["spec", "interactive"]] == false)
    }

    @Test func expiredExecCredentialIsRefreshed() async throws {
        let server = try FakeAPIServer(requireAuth: "any")
        // Expires within the refresh margin: every request runs the plugin again.
        let credentials = try exec("client.authentication.k8s.io/v1", expiresIn: 1)
        let client = try server.client { $0.credentials = credentials }
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer tok-1")
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer tok-2")
        #expect(runs() == 2)
    }

    @Test func execPluginReRunsAfter401() async throws {
        // The server accepts only the second token: the first request gets 401, the plugin runs again.
        let server = try FakeAPIServer(requireAuth: "Bearer tok-2")
        let credentials = try exec("client.authentication.k8s.io/v1", expiresIn: nil)
        let client = try server.client { $0.credentials = credentials }
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer tok-2")
        #expect(runs() == 2)
        #expect(try await client.getRaw("/whoami")["authorization"] == "Bearer tok-2")
        #expect(runs() == 2)
    }

    @Test func watchReAuthenticatesAfter401() async throws {
        let server = try FakeAPIServer(requireAuth: "Bearer tok-2")
        let credentials = try exec("client.authentication.k8s.io/v1", expiresIn: nil)
        let client = try server.client { $0.credentials = credentials }
        var types: [WatchEvent.EventType] = []
        for try await e in client.watch(.configMaps, namespace: "basic") { types.append(e.type) }
        #expect(types == [.added, .modified, .bookmark, .deleted])
        #expect(runs() == 2)
    }

    @Test func concurrentRequestsShareOnePluginRun() async throws {
        let server = try FakeAPIServer(requireAuth: "any")
        let credentials = try exec("client.authentication.k8s.io/v1", expiresIn: 3600)
        let client = try server.client { $0.credentials = credentials }
        try await withThrowingTaskGroup(of: JSONValue.self) { group in
            for _ in 0..<8 { group.addTask { try await client.getRaw("/whoami") } }
            for try await who in group { #expect(who["authorization"] == "Bearer tok-1") }
        }
        #expect(runs() == 1)
    }

    // MARK: Bad plugins

    static let badPlugins: [(String, String)] = [
        ("exit 3", "exited with status 3"),
        ("echo not-json", "printed invalid JSON"),
        ("echo '{\"kind\": \"Other\"}'", "did not print an ExecCredential"),
        ("echo '{\"apiVersion\": \"client.authentication.k8s.io/v1beta1\", \"kind\": \"ExecCredential\", \"status\": {\"token\": \"t\"}}'", "answered with apiVersion client.authentication.k8s.io/v1beta1"),
        ("echo '{\"apiVersion\": \"client.authentication.k8s.io/v1\", \"kind\": \"ExecCredential\", \"status\": {}}'", "neither token nor clientCertificateData"),
        ("echo '{\"apiVersion\": \"client.authentication.k8s.io/v1\", \"kind\": \"ExecCredential\", \"status\": {\"token\": \"t\", \"expirationTimestamp\": \"tomorrow\"}}'", "is not RFC 3339"),
    ]

    @Test(arguments: badPlugins)
    func badPlugin(body: String, message: String) async throws {
        let server = try FakeAPIServer()
        let path = try dir.write("bad-\(UUID().uuidString).sh", "#!/bin/sh\n\(body)\n", executable: true)
        let client = try server.client { $0.credentials = .exec(ExecConfig(command: path)) }
        do {
            _ = try await client.getRaw("/whoami")
            Issue.record("expected an error containing \(message)")
        } catch {
            guard case .authentication(let m) = error else { Issue.record("got \(error)"); return }
            #expect(m.contains(message), "\(m)")
        }
    }

    @Test func missingPluginShowsInstallHint() async throws {
        let server = try FakeAPIServer()
        let client = try server.client {
            $0.credentials = .exec(ExecConfig(command: dir.path + "/no-such-plugin", installHint: "brew install the-plugin"))
        }
        do {
            _ = try await client.getRaw("/whoami")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("brew install the-plugin"))
        }
    }
}
