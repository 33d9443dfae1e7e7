import Foundation
import JSON
import Testing
import TestSupport
@testable import DevCluster

extension ClusterTests {
    /// Every fault switch, the request counters, and stop/restart keeping state.
    @Suite("Fault injection and lifecycle")
    struct FaultInjectionTests {
        // MARK: - Failing requests

        @Test(arguments: [(429, "TooManyRequests"), (500, "InternalError"), (503, "ServiceUnavailable")])
        func failRequestsAnswersWithTheCode(code: Int, reason: String) async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            c.cluster.faults.failRequests(fraction: 1, codes: [code])
            let r = try await c.request("GET", "/api/v1/namespaces/default/configmaps")
            #expect(r.status == code)
            #expect(r.json?["reason"] == .string(reason))
            if code == 429 { #expect(r.headers.lowercased().contains("retry-after: 1")) }
            // Discovery keeps working so clients can find their way.
            let d = try await c.request("GET", "/api/v1")
            #expect(d.status == 200)
            c.cluster.faults.clear()
            #expect(try await c.request("GET", "/api/v1/namespaces/default/configmaps").status == 200)
        }

        @Test func latencyDelaysRequests() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            c.cluster.faults.setLatency(.seconds(4))
            // A client that gives up after one second cannot get an answer.
            let slow = try await c.request("GET", "/api/v1/namespaces/default/configmaps", maxTime: 1)
            #expect(slow.status == 0)
            c.cluster.faults.clear()
            #expect(try await c.request("GET", "/api/v1/namespaces/default/configmaps").status == 200)
        }

        @Test func dropAllWatchesEndsOpenStreams() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            async let watch = c.request("GET", "/api/v1/configmaps?watch=1&timeoutSeconds=30", maxTime: 20)
            for _ in 0..<200 where c.cluster.store.watchCount == 0 { try await Task.sleep(for: .milliseconds(25)) }
            #expect(c.cluster.store.watchCount == 1)
            c.cluster.faults.dropAllWatches()
            let r = try await watch
            #expect(r.status == 200, "the stream ended cleanly long before its 30 s timeout")
            #expect(c.cluster.store.watchCount == 0)
        }

        @Test func countersByVerbAndResource() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            _ = try await c.request("POST", "/api/v1/namespaces/default/configmaps", body: #"{"metadata":{"name":"a"}}"#)
            _ = try await c.request("GET", "/api/v1/namespaces/default/configmaps/a")
            _ = try await c.request("GET", "/api/v1/namespaces/default/configmaps")
            _ = try await c.request("PATCH", "/api/v1/namespaces/default/configmaps/a", body: "{}", contentType: "application/merge-patch+json")
            #expect(c.cluster.requestCount(verb: "create", resource: "configmaps") == 1)
            #expect(c.cluster.requestCount(verb: "get") == 1)
            #expect(c.cluster.requestCount(verb: "list", resource: "configmaps") == 1)
            #expect(c.cluster.requestCount(verb: "patch", resource: "secrets") == 0)
            #expect(c.cluster.requestCount(verb: "patch") == 1)
            c.cluster.resetRequestCounts()
            #expect(c.cluster.requestCount(verb: "create") == 0)
        }

        @Test func restartKeepsStatePortAndResourceVersions() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            _ = try await c.request("POST", "/api/v1/namespaces/default/configmaps", body: #"{"metadata":{"name":"a"}}"#)
            let rv = c.cluster.resourceVersion
            await c.cluster.stop()
            let down = try await c.request("GET", "/api/v1/namespaces/default/configmaps/a", maxTime: 2)
            #expect(down.status == 0)
            try await c.cluster.restart()
            #expect(c.cluster.endpoint?.port == c.endpoint.port)
            let up = try await c.request("GET", "/api/v1/namespaces/default/configmaps/a")
            #expect(up.status == 200)
            _ = try await c.request("POST", "/api/v1/namespaces/default/configmaps", body: #"{"metadata":{"name":"b"}}"#)
            #expect(c.cluster.resourceVersion == rv + 1)
        }

        @Test func applyManifestsCreatesThenUpdates() async throws {
            let c = DevCluster()
            try await c.apply(manifests: Fixtures.widget("w", replicas: 3) + "\n---\n" + Fixtures.widgetCRD)
            try await c.apply(manifests: Fixtures.widget("w", replicas: 4))
            let t = try #require(c.store.lookup(group: "example.com", version: "v1", plural: "widgets"))
            #expect(try c.store.get(t, namespace: "default", name: "w")[path: ["spec", "replicas"]] == 4)
            await #expect(throws: DevClusterError.self) { try await c.apply(manifests: "kind: Nope\napiVersion: x/v1\nmetadata: {name: a}") }
        }

        @Test func commandServesUntilSIGTERM() async throws {
            let dir = NSTemporaryDirectory() + "devcluster-cmd-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/kubeconfig"
            let command = Task { await runDevClusterCommand(arguments: ["--port", "0", "--kubeconfig-out", path]) }
            // The kubeconfig appears once the server listens; retry (bounded) while it is being written.
            var r = ProcessResult(status: -1, stdout: "", stderr: "")
            for _ in 0..<40 where !r.stdout.contains("namespace/kube-system") {
                if FileManager.default.fileExists(atPath: path) {
                    r = try await Subprocess.run(TestPaths.kubectl, ["get", "namespaces", "-o", "name", "--cache-dir", dir + "/cache"],
                                                    environment: ["KUBECONFIG": path, "HOME": dir])
                }
                if !r.stdout.contains("namespace/kube-system") { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(r.stdout.contains("namespace/kube-system"), "\(r.stderr)")
            // Process-directed (worker threads block signals, so raise() would never be handled).
            // The command installed a handler, so this ends the command, not the test process.
            kill(getpid(), SIGTERM)
            #expect(await command.value == 0)
        }

        @Test func commandRejectsBadArguments() async {
            #expect(await runDevClusterCommand(arguments: ["--port", "99999"]) == 2)
            #expect(await runDevClusterCommand(arguments: ["--bogus"]) == 2)
        }
    }
}
