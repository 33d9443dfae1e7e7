import DevCluster
import Foundation
import JSON
import Kube
import Synchronization
import Testing
@testable import Controller

@Suite(.serialized) struct ManagerIntegrationTests {
    func options(_ t: TestCluster) -> ManagerOptions {
        var o = ManagerOptions()
        o.namespace = t.namespace
        o.metricsBindAddress = BindAddress(host: "127.0.0.1", port: 0)
        o.healthProbeBindAddress = BindAddress(host: "127.0.0.1", port: 0)
        o.gracefulShutdownTimeout = .seconds(5)
        return o
    }

    /// No HTTP endpoints: for tests about the run loop only.
    func quietOptions(_ t: TestCluster) -> ManagerOptions {
        var o = options(t)
        o.metricsBindAddress = nil
        o.healthProbeBindAddress = nil
        return o
    }

    @Test func servesProbesAndMetricsThatPassPromtool() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let m = try Manager(options: options(t), clientConfiguration: try t.configuration(), logger: .disabled,
                            informerConfiguration: fastInformer)
        let c = try m.controller(name: "cm", reconciler: ClosureReconciler { _ in .done })
        await c.watch(try m.informers.informer(for: .configMaps))
        let run = Task { try await m.run() }
        try await eventually { m.boundPorts.count == 2 }
        let probes = "http://127.0.0.1:\(m.boundPorts["probes"] ?? 0)"
        let metrics = "http://127.0.0.1:\(m.boundPorts["metrics"] ?? 0)"
        #expect(try await fetch(probes + "/healthz").0 == 200)
        try await eventually { (try? await fetch(probes + "/readyz").0) == 200 }
        let admin = try t.client()
        try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: t.namespace, configMap(t.namespace, "m1", value: "x")) }
        try await eventually { (try? await fetch(metrics + "/metrics").1.contains("controller_runtime_reconcile_total{controller=\"cm\",result=\"success\"}")) == true }
        let text = try await fetch(metrics + "/metrics").1
        #expect(text.contains("rest_client_requests_total{verb=\"list\",resource=\"configmaps\",code=\"200\"}"))
        #expect(text.contains("workqueue_adds_total{name=\"cm\"}"))
        #expect(text.contains("controller_informer_watch_events_total"))
        if FileManager.default.isExecutableFile(atPath: MetricsRegistryTests.promtool) {
            let r = try await withTimeout(.seconds(20)) { try runTool(MetricsRegistryTests.promtool, ["check", "metrics"], stdin: text) }
            #expect(r.status == 0 && r.output.isEmpty, "promtool: \(r.output)")
        }
        m.stop()
        try await withTimeout(.seconds(15)) { try await run.value }
    }

    @Test func gracefulShutdownDrainsInFlightReconciles() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let o = quietOptions(t)
        let m = try Manager(options: o, clientConfiguration: try t.configuration(), logger: .disabled, informerConfiguration: fastInformer)
        let started = Mutex(false), finished = Mutex(false)
        let c = try m.controller(name: "slow", reconciler: ClosureReconciler { _ in
            started.withLock { $0 = true }
            // Cancellation would cut this short; a graceful drain lets it finish.
            try await Task.sleep(for: .milliseconds(500))
            finished.withLock { $0 = true }
            return .done
        })
        await c.watch(try m.informers.informer(for: .configMaps))
        let run = Task { try await m.run() }
        let admin = try t.client()
        try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: t.namespace, configMap(t.namespace, "d1", value: "x")) }
        try await eventually { started.withLock { $0 } }
        m.stop()
        try await withTimeout(.seconds(15)) { try await run.value }
        #expect(finished.withLock { $0 })
    }

    @Test func shutdownDeadlineCancelsWorkThatWillNotFinish() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        var o = quietOptions(t)
        o.gracefulShutdownTimeout = .milliseconds(200)
        let sink = MemoryLogSink()
        let m = try Manager(options: o, clientConfiguration: try t.configuration(), logger: Logger(sink: sink),
                            informerConfiguration: fastInformer)
        let started = Mutex(false), cancelled = Mutex(false)
        let c = try m.controller(name: "stuck", reconciler: ClosureReconciler { _ in
            started.withLock { $0 = true }
            do { try await Task.sleep(for: .seconds(3600)) } catch { cancelled.withLock { $0 = true } }
            return .done
        })
        await c.watch(try m.informers.informer(for: .configMaps))
        let run = Task { try await m.run() }
        let admin = try t.client()
        try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: t.namespace, configMap(t.namespace, "s1", value: "x")) }
        try await eventually { started.withLock { $0 } }
        m.stop()
        try await withTimeout(.seconds(15)) { try await run.value }
        #expect(cancelled.withLock { $0 })
        #expect(sink.all.contains { $0.contains("graceful shutdown timed out") && $0.contains("controller=stuck") })
    }

    @Test func managerWithoutControllersRunsUntilStopped() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let o = quietOptions(t)
        let m = try Manager(options: o, clientConfiguration: try t.configuration(), logger: .disabled, informerConfiguration: fastInformer)
        let inf = try m.informers.informer(for: .configMaps)
        let ended = Mutex(false)
        let run = Task {
            try await m.run()
            ended.withLock { $0 = true }
        }
        try await eventually { inf.hasSynced }
        try await Task.sleep(for: .milliseconds(200))
        #expect(!ended.withLock { $0 })
        m.stop()
        try await withTimeout(.seconds(15)) { try await run.value }
        #expect(ended.withLock { $0 })
    }

    @Test func cacheSyncTimeoutIsReported() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let o = quietOptions(t)
        let m = try Manager(options: o, clientConfiguration: try t.configuration(), logger: .disabled,
                            informerConfiguration: fastInformer, cacheSyncTimeout: .milliseconds(500))
        _ = try m.informers.informer(for: GroupVersionResource(group: "nope.example", version: "v1", resource: "widgets"))
        _ = try m.controller(name: "x", reconciler: ClosureReconciler { _ in .done })
        await #expect(throws: ManagerError.self) { try await withTimeout(.seconds(15)) { try await m.run() } }
    }

    /// While leading, caches that never sync end the process too (with the Lease released),
    /// instead of a leader that holds the Lease and runs nothing.
    @Test func cacheSyncTimeoutWhileLeadingIsReportedAndReleasesTheLease() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        var o = quietOptions(t)
        o.leaderElect = true
        var lease = LeaderElectionConfiguration(leaseName: "tm-leader", leaseNamespace: t.namespace, identity: "a")
        lease.leaseDuration = .seconds(3)
        lease.renewDeadline = .seconds(2)
        lease.retryPeriod = .milliseconds(200)
        let m = try Manager(options: o, clientConfiguration: try t.configuration(), logger: .disabled, leaderElection: lease,
                            informerConfiguration: fastInformer, cacheSyncTimeout: .milliseconds(500))
        _ = try m.informers.informer(for: GroupVersionResource(group: "nope.example", version: "v1", resource: "widgets"))
        _ = try m.controller(name: "x", reconciler: ClosureReconciler { _ in .done })
        await #expect(throws: ManagerError.self) { try await withTimeout(.seconds(15)) { try await m.run() } }
        let held = try await t.client().get(.leases, namespace: t.namespace, name: "tm-leader")
        #expect(held[path: ["spec", "holderIdentity"]] == "")
    }
}
