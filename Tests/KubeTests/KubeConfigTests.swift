import Foundation
import JSON
import Testing
@testable import Kube

@Suite("kubeconfig loading and merging")
struct KubeConfigTests {
    let dir: TempDirectory

    init() throws { dir = try TempDirectory() }

    static let first = """
    apiVersion: v1
    kind: Config
    current-context: dev
    clusters:
    - name: dev-cluster
      cluster:
        server: https://dev.example:6443
        insecure-skip-tls-verify: true
    - name: shared
      cluster:
        server: https://first.example
    contexts:
    - name: dev
      context: {cluster: dev-cluster, user: dev-user, namespace: team-a}
    users:
    - name: dev-user
      user: {token: dev-token}
    """

    static let second = """
    apiVersion: v1
    kind: Config
    current-context: prod
    clusters:
    - name: shared
      cluster:
        server: https://second.example
        tls-server-name: api.internal
    - name: prod-cluster
      cluster:
        server: https://prod.example
        certificate-authority: certs/ca.pem
    contexts:
    - name: prod
      context: {cluster: prod-cluster, user: prod-user}
    - name: dev
      context: {cluster: shared, user: prod-user}
    - name: other
      context: {cluster: shared, user: prod-user}
    users:
    - name: prod-user
      user:
        username: admin
        password: s3cret
    """

    func load(_ env: [String: String], context: String? = nil, namespace: String? = nil) throws(KubeConfigError) -> ClientConfiguration {
        try ClientConfiguration.load(context: context, namespace: namespace, environment: env)
    }

    @Test func kubeconfigListMergesFirstWins() throws {
        let a = try dir.write("a/config", Self.first)
        let b = try dir.write("b/config", Self.second)
        try dir.write("b/certs/ca.pem", "CA PEM")
        let env = ["KUBECONFIG": "\(a):\(dir.path)/missing:\(b)"]
        // current-context comes from the first file that sets it; "dev" is defined in both: the first wins.
        let dev = try load(env)
        #expect(dev.server.absoluteString == "https://dev.example:6443")
        #expect(dev.insecureSkipTLSVerify)
        #expect(dev.credentials == .bearerToken("dev-token"))
        #expect(dev.namespace == "team-a")
        // "shared" is in both files: the first definition wins, with none of the second's fields.
        let other = try load(env, context: "other")
        #expect(other.server.absoluteString == "https://first.example")
        #expect(other.tlsServerName == nil)
        #expect(other.credentials == .basic(username: "admin", password: "s3cret"))
        #expect(other.namespace == "default")
        // Relative paths resolve against the file that names them.
        let prod = try load(env, context: "prod", namespace: "override")
        #expect(prod.certificateAuthorityPEM == Data("CA PEM".utf8))
        #expect(prod.namespace == "override")
    }

    @Test func explicitPathBeatsKUBECONFIGAndHome() throws {
        let a = try dir.write("a/config", Self.first)
        let b = try dir.write("b/config", Self.second)
        try dir.write("b/certs/ca.pem", "CA PEM")
        let c = try ClientConfiguration.load(kubeconfigPath: b, environment: ["KUBECONFIG": a, "HOME": dir.path])
        #expect(c.server.absoluteString == "https://prod.example")
    }

    @Test func homeConfigIsTheFallback() throws {
        try dir.write(".kube/config", Self.first)
        try dir.write(".kube/certs/x", "")
        let c = try load(["HOME": dir.path])
        #expect(c.server.absoluteString == "https://dev.example:6443")
    }

    @Test func dataFieldsAndClientCertificates() throws {
        let ca = Data("CA".utf8).base64EncodedString()
        let cert = Data("CERT".utf8).base64EncodedString()
        try dir.write("key.pem", "KEY")
        let path = try dir.write("config", """
        current-context: c
        clusters: [{name: k, cluster: {server: "https://127.0.0.1:6443", certificate-authority-data: \(ca)}}]
        contexts: [{name: c, context: {cluster: k, user: u}}]
        users: [{name: u, user: {client-certificate-data: \(cert), client-key: key.pem, tokenFile: token}}]
        """)
        let c = try ClientConfiguration.load(kubeconfigPath: path, environment: [:])
        #expect(c.certificateAuthorityPEM == Data("CA".utf8))
        #expect(c.clientCertificatePEM == Data("CERT".utf8))
        #expect(c.clientKeyPEM == Data("KEY".utf8))
        #expect(c.credentials == .tokenFile(path: dir.path + "/token"))
    }

    @Test func execSection() throws {
        let path = try dir.write("config", """
        current-context: c
        clusters: [{name: k, cluster: {server: "https://127.0.0.1:6443"}}]
        contexts: [{name: c, context: {cluster: k, user: u}}]
        users:
        - name: u
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: ./bin/plugin
              args: [get-token, --cluster, k]
              env: [{name: MODE, value: test}]
              provideClusterInfo: true
              installHint: install plugin
        """)
        let c = try ClientConfiguration.load(kubeconfigPath: path, environment: [:])
        guard case .exec(let e) = c.credentials else { Issue.record("got \(c.credentials)"); return }
        #expect(e.command == dir.path + "/./bin/plugin")
        #expect(e.args == ["get-token", "--cluster", "k"])
        #expect(e.env == [.init(name: "MODE", value: "test")])
        #expect(e.apiVersion == "client.authentication.k8s.io/v1beta1")
        #expect(e.provideClusterInfo)
    }

    @Test func inClusterConfiguration() throws {
        try dir.write("sa/token", "sa-token\n")
        try dir.write("sa/ca.crt", "CA")
        try dir.write("sa/namespace", "operators\n")
        let env = ["KUBERNETES_SERVICE_HOST": "fd00::1", "KUBERNETES_SERVICE_PORT": "443"]
        let c = try ClientConfiguration.inCluster(environment: env, serviceAccountDirectory: dir.path + "/sa")
        #expect(c.server.absoluteString == "https://[fd00::1]:443")
        #expect(c.namespace == "operators")
        #expect(c.certificateAuthorityPEM == Data("CA".utf8))
        #expect(c.credentials == .tokenFile(path: dir.path + "/sa/token"))
    }

    // MARK: Bad input

    static let base = """
    current-context: c
    clusters: [{name: k, cluster: {server: "https://127.0.0.1:6443"}}]
    contexts: [{name: c, context: {cluster: k, user: u}}]

    """

    static let badCases: [(String, String)] = [
        (base + "users: [{name: u, user: {client-certificate-data: QQ==}}]", "users[0].user.client-key: client-certificate is set but client-key is missing"),
        (base + "users: [{name: u, user: {client-key-data: QQ==}}]", "users[0].user.client-certificate: client-key is set but client-certificate is missing"),
        (base + "users: [{name: u, user: {client-certificate-data: '%%%', client-key-data: QQ==}}]", "users[0].user.client-certificate-data: not valid base64"),
        (base + "users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1}}}]", "users[0].user.exec.command: required"),
        (base + "users: [{name: u, user: {exec: {command: x, apiVersion: client.authentication.k8s.io/v1alpha1}}}]", "exec.apiVersion: \"client.authentication.k8s.io/v1alpha1\" is not supported"),
        (base + "users: [{name: u, user: {auth-provider: {name: gcp}}}]", "users[0].user.auth-provider: auth providers were removed"),
        (base + "users: [{name: u, user: {token: [1, 2]}}]", "users[0].user.token: expected a string, got array"),
        (base + "users: [{user: {token: t}}]", "users[0].name: required"),
        ("current-context: c\nclusters: [{name: k, cluster: {server: 'ftp://x'}}]\ncontexts: [{name: c, context: {cluster: k}}]", "clusters[0].cluster.server: \"ftp://x\" is not an http(s) URL"),
        ("current-context: c\nclusters: [{name: k, cluster: {server: 'https://x', insecure-skip-tls-verify: true, certificate-authority-data: QQ==}}]\ncontexts: [{name: c, context: {cluster: k}}]", "clusters[0].cluster.insecure-skip-tls-verify: cannot be combined with certificate-authority"),
        ("current-context: c\nclusters: [{name: k, cluster: {}}]\ncontexts: [{name: c, context: {cluster: k}}]", "clusters[0].cluster.server: required"),
        ("current-context: c\nclusters: [{name: k, cluster: {server: 'https://x', certificate-authority: nope.pem}}]\ncontexts: [{name: c, context: {cluster: k}}]", "clusters[0].cluster.certificate-authority: cannot read"),
        ("current-context: c\ncontexts: [{name: c, context: {cluster: k}}]", "cluster \"k\" (used by context \"c\") does not exist"),
        (base, "user \"u\" (used by context \"c\") does not exist"),
        ("current-context: missing", "context \"missing\" does not exist"),
        ("clusters: []", "has no current-context"),
        ("clusters: {a: b}", "clusters: expected a list, got object"),
        ("- just\n- a list", "(top level): expected a mapping, got array"),
        ("clusters: [unclosed", "is not valid YAML/JSON"),
    ]

    @Test(arguments: badCases)
    func badKubeconfig(text: String, message: String) throws {
        let path = try dir.write("config", text)
        do {
            _ = try ClientConfiguration.load(kubeconfigPath: path, environment: [:])
            Issue.record("expected an error containing \(message)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test func missingExplicitFileAndNothingConfigured() {
        #expect(throws: KubeConfigError.fileUnreadable(path: "/nonexistent/config", reason: "no such file")) {
            try ClientConfiguration.load(kubeconfigPath: "/nonexistent/config", environment: [:])
        }
        do {
            _ = try ClientConfiguration.load(environment: ["HOME": dir.path])
            Issue.record("expected an error")
        } catch {
            guard case .noConfiguration = error else { Issue.record("got \(error)"); return }
        }
        do {
            _ = try ClientConfiguration.inCluster(environment: ["KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"],
                                                  serviceAccountDirectory: dir.path + "/none")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("service-account token is missing"))
        }
    }
}
