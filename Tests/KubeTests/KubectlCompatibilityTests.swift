import Foundation
import JSON
import Testing
@testable import Kube

/// The real kubectl is the oracle for kubeconfig merging: both must pick the same
/// cluster, user and namespace for every context of a merged KUBECONFIG.
@Suite("kubeconfig merging matches kubectl", .timeLimit(.minutes(1)))
struct KubectlCompatibilityTests {
    static var kubectl: String {
        if let k = ProcessInfo.processInfo.environment["KUBECTL"], !k.isEmpty { return k }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".tools/bin/kubectl").path
    }

    func kubectlView(_ env: [String: String], context: String) throws -> JSONValue {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.kubectl)
        p.arguments = ["config", "view", "--minify", "--flatten", "-o", "json", "--context", context]
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "kubectl config view failed for context \(context)")
        return try JSONParser.parse(data)
    }

    @Test(arguments: ["dev", "other", "prod"])
    func sameChoiceAsKubectl(context: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.kubectl), "kubectl missing at \(Self.kubectl): run make deps")
        let dir = try TempDirectory()
        let a = try dir.write("a/config", KubeConfigTests.first)
        let b = try dir.write("b/config", KubeConfigTests.second)
        try dir.write("b/certs/ca.pem", "-----BEGIN CERTIFICATE-----\nTUlJ\n-----END CERTIFICATE-----\n")
        let env = ["KUBECONFIG": "\(a):\(b)", "HOME": dir.path]
        let view = try kubectlView(env, context: context)
        let ours = try ClientConfiguration.load(context: context, environment: env)

        let cluster = view[path: ["clusters"]]?[0]?["cluster"]
        #expect(cluster?["server"]?.stringValue == ours.server.absoluteString)
        #expect((cluster?["insecure-skip-tls-verify"]?.boolValue ?? false) == ours.insecureSkipTLSVerify)
        #expect(cluster?["tls-server-name"]?.stringValue == ours.tlsServerName)
        let ca = cluster?["certificate-authority-data"]?.stringValue.flatMap { Data(base64Encoded: $0) }
        #expect(ca == ours.certificateAuthorityPEM)
        #expect((view[path: ["contexts"]]?[0]?[path: ["context", "namespace"]]?.stringValue ?? "default") == ours.namespace)

        let user = view[path: ["users"]]?[0]?["user"]
        switch ours.credentials {
        case .bearerToken(let t): #expect(user?["token"]?.stringValue == t)
        case .basic(let u, let p):
            #expect(user?["username"]?.stringValue == u)
            #expect(user?["password"]?.stringValue == p)
        default: Issue.record("unexpected credentials \(ours.credentials)")
        }
    }
}
