import DevCluster
import Foundation
import JSON
import Policies
import Testing
import TestSupport

/// `threat-monitor run` as the Deployment runs it: a separate process with a
/// kubeconfig, leader election, probes and metrics, stopped by SIGTERM.
@Suite("threat-monitor run", .serialized)
struct RunCommandTests {
    @Test("reconciles a policy, serves /readyz and /metrics, releases its Lease and exits 0 on SIGTERM")
    func runAsAProcess() async throws {
        let binary = TestPaths.packageRoot.appendingPathComponent(".build/debug/threat-monitor").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first (swift build)")
        let cluster = DevCluster()
        try await cluster.start()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let kubeconfig = dir.appendingPathComponent("kubeconfig").path
        try cluster.writeKubeconfig(to: kubeconfig)
        let kubectl = try Kubectl(kubeconfig: kubeconfig)
        let logURL = dir.appendingPathComponent("operator.log")
        #expect(FileManager.default.createFile(atPath: logURL.path, contents: nil))
        let log = try FileHandle(forWritingTo: logURL)
        let process = Process()
        defer {
            if process.isRunning { process.terminate() }
            try? log.close()
            kubectl.cleanUp()
            try? FileManager.default.removeItem(at: dir)
        }
        func output() -> String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

        let crds = ([try CiliumCRDs.ciliumNetworkPolicy()] + CRDDefinitions.all).map { JSONWriter.string($0) }
        try await cluster.apply(manifests: crds.joined(separator: "\n---\n"))
        try await cluster.apply(manifests: """
            apiVersion: v1
            kind: Namespace
            metadata: {name: threat-monitor}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: threatmonitor.dev/v1alpha1
            kind: ContainerNetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {app: web}
              rules:
              - direction: inbound
                entities: [world]
                ports: [{port: 443}]
            """)

        let health = try #require(freeLoopbackPort()), metrics = try #require(freeLoopbackPort())
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", "--kubeconfig", kubeconfig, "--leader-elect", "--leader-election-namespace", "threat-monitor",
                             "--health-probe-bind-address", "127.0.0.1:\(health)", "--metrics-bind-address", "127.0.0.1:\(metrics)"]
        process.standardOutput = log
        process.standardError = log
        try process.run()

        let deployed = await eventually(timeout: .seconds(60), every: .milliseconds(100)) {
            let r = try? await kubectl.result(["get", "cnp", "web", "-n", "shop", "-o", "jsonpath={.spec.endpointSelector.matchLabels.app}"])
            return r?.stdout == "web" || !process.isRunning
        }
        try #require(deployed && process.isRunning, "no CiliumNetworkPolicy from the operator process:\n\(output())")

        let readyz = try await Subprocess.run("/usr/bin/curl", ["-sS", "http://127.0.0.1:\(health)/readyz"])
        #expect(readyz.stdout.contains("ok"), "\(readyz.stdout)\(readyz.stderr)")
        let scraped = try await Subprocess.run("/usr/bin/curl", ["-sS", "http://127.0.0.1:\(metrics)/metrics"])
        #expect(scraped.stdout.contains("controller_runtime_reconcile_total{controller=\"containernetworkpolicy\""), "\(scraped.stdout.prefix(500))")
        #expect(scraped.stdout.contains("leader_election_master_status"), "\(scraped.stdout.prefix(500))")

        let holder = try await kubectl.run("get", "lease", "threat-monitor-leader", "-n", "threat-monitor",
                                           "-o", "jsonpath={.spec.holderIdentity}")
        #expect(!holder.stdout.isEmpty, "the running operator holds the Lease")

        process.terminate()
        let exited = await eventually(timeout: .seconds(40), every: .milliseconds(50)) { !process.isRunning }
        try #require(exited, "did not exit within 40 s of SIGTERM:\n\(output())")
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "status \(process.terminationStatus):\n\(output())")
        let released = try await kubectl.run("get", "lease", "threat-monitor-leader", "-n", "threat-monitor",
                                             "-o", "jsonpath={.spec.holderIdentity}")
        #expect(released.stdout.isEmpty, "the Lease is released on a clean shutdown, so a standby takes over at once")
        await cluster.stop()
    }
}
