import Foundation
import Testing
import TestSupport

/// `threat-monitor demo` as a newcomer runs it: a subprocess, the real kubectl
/// against the kubeconfig it writes, /readyz, then Ctrl-C.
@Suite("threat-monitor demo", .serialized)
struct DemoTests {
    @Test("starts, reaches ready, deploys the example policies as CNPs, serves /readyz, stops cleanly on SIGINT")
    func demoEndToEnd() async throws {
        let root = TestPaths.packageRoot
        let binary = root.appendingPathComponent(".build/debug/threat-monitor").path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the package first (swift build)")
        let health = try #require(freeLoopbackPort()), metrics = try #require(freeLoopbackPort())
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let kubeconfig = dir.appendingPathComponent("demo.kubeconfig").path
        let logURL = dir.appendingPathComponent("demo.log")
        #expect(FileManager.default.createFile(atPath: logURL.path, contents: nil))
        let log = try FileHandle(forWritingTo: logURL)
        defer { try? log.close() }

        let demo = Process()
        demo.executableURL = URL(fileURLWithPath: binary)
        demo.arguments = ["demo", "--kubeconfig-out", kubeconfig, "--examples", root.appendingPathComponent("deploy/examples").path,
                          "--health-probe-bind-address", "127.0.0.1:\(health)", "--metrics-bind-address", "127.0.0.1:\(metrics)"]
        demo.standardOutput = log
        demo.standardError = log
        try demo.run()
        defer { if demo.isRunning { demo.terminate() } }
        func output() -> String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

        let ready = await eventually(timeout: .seconds(120), every: .milliseconds(100)) {
            output().contains("threat-monitor demo: ready") || !demo.isRunning
        }
        try #require(ready && demo.isRunning, "the demo did not reach ready:\n\(output())")
        #expect(output().contains("KUBECONFIG=\(kubeconfig) kubectl get threatmonitor -A"))

        let env = ["KUBECONFIG": kubeconfig]
        let cnps = try await Subprocess.run(TestPaths.kubectl, ["get", "ciliumnetworkpolicies", "-n", "shop", "-o", "name"], environment: env)
        #expect(cnps.succeeded, "\(cnps.stderr)")
        let policies = try await Subprocess.run(TestPaths.kubectl, ["get", "containernetworkpolicies", "-n", "shop", "-o", "name"], environment: env)
        let expected = policies.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: "containernetworkpolicy.threatmonitor.dev/", with: "") }
        #expect(expected.count >= 5, "\(policies.stdout) \(policies.stderr)")
        for name in expected {
            #expect(cnps.stdout.contains("ciliumnetworkpolicy.cilium.io/\(name)\n"), "no CNP for \(name): \(cnps.stdout)")
        }
        let all = try await Subprocess.run(TestPaths.kubectl, ["get", "threatmonitor", "-A"], environment: env)
        #expect(all.succeeded && all.stdout.contains("environment.threatmonitor.dev/shop"), "\(all.stdout)\(all.stderr)")

        let readyz = try await Subprocess.run("/usr/bin/curl", ["-sS", "http://127.0.0.1:\(health)/readyz"])
        #expect(readyz.succeeded && readyz.stdout.contains("ok"), "\(readyz.stdout)\(readyz.stderr)")

        let exited = AsyncStream<Void>.makeStream()
        demo.terminationHandler = { _ in exited.continuation.yield(); exited.continuation.finish() }
        demo.interrupt()
        let stopped = await eventually(timeout: .seconds(30), every: .milliseconds(50)) { !demo.isRunning }
        try #require(stopped, "the demo did not stop within 30 s of SIGINT:\n\(output())")
        #expect(demo.terminationReason == .exit && demo.terminationStatus == 0, "exit status \(demo.terminationStatus)")
        #expect(output().contains("received SIGINT, stopping"))
        #expect(output().contains("threat-monitor demo: stopped"))
        #expect(!FileManager.default.fileExists(atPath: kubeconfig), "the kubeconfig of a stopped demo is removed")
    }
}
