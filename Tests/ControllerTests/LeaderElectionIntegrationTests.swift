import Foundation
import DevCluster
import JSON
import Kube
import Synchronization
import Testing
@testable import Controller

@Suite(.serialized) struct LeaderElectionIntegrationTests {
    func lease(_ t: TestCluster, id: String, duration: Duration, renew: Duration, release: Bool = true) -> LeaderElectionConfiguration {
        var c = LeaderElectionConfiguration(leaseName: "tm-leader", leaseNamespace: t.namespace, identity: id)
        c.leaseDuration = duration
        c.renewDeadline = renew
        c.retryPeriod = .milliseconds(200)
        c.releaseOnCancel = release
        return c
    }

    /// A manager whose controller writes one ConfigMap per reconcile, so writes are visible.
    func manager(_ t: TestCluster, id: String, recorder: RequestRecorder, lease: LeaderElectionConfiguration) throws -> Manager {
        var o = ManagerOptions()
        o.leaderElect = true
        o.namespace = t.namespace
        o.metricsBindAddress = nil
        o.healthProbeBindAddress = nil
        o.gracefulShutdownTimeout = .seconds(5)
        let m = try Manager(options: o, clientConfiguration: try t.configuration(recorder: recorder), logger: .disabled,
                            leaderElection: lease, informerConfiguration: fastInformer)
        let client = m.client
        let ns = t.namespace
        let c = try m.controller(name: "writer-\(id)", reconciler: ClosureReconciler { key in
            guard key.name.hasPrefix("src-") else { return .done }
            let out = configMap(ns, "out-\(key.name)", value: id)
            try await createIfAbsent(client, namespace: ns, out)
            return .done
        })
        let inf = try m.informers.informer(for: .configMaps)
        Task { await c.watch(inf) }
        return m
    }

    static let writeVerbs: Set<String> = ["create", "update", "patch", "delete"]

    func writes(_ r: RequestRecorder, resource: String) -> [RecordedRequest] {
        r.recorded.filter { Self.writeVerbs.contains($0.verb) && $0.resource == resource }
    }

    @Test func exactlyOneLeadsAndCleanStopHandsOverWithoutWaitingOutTheLease() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        // A long lease: a hand-over within the test's bounded wait proves the lease was released.
        let recA = RequestRecorder(), recB = RequestRecorder()
        let a = try manager(t, id: "a", recorder: recA, lease: lease(t, id: "a", duration: .seconds(60), renew: .seconds(40)))
        let runA = Task { try await a.run() }
        try await eventually(.seconds(10), "a leads") { a.isLeader }
        let b = try manager(t, id: "b", recorder: recB, lease: lease(t, id: "b", duration: .seconds(60), renew: .seconds(40)))
        let runB = Task { try await b.run() }
        try await eventually(.seconds(10), "b synced") { b.informers.unsynced.isEmpty && !b.informers.informers.isEmpty }

        for i in 0..<5 {
            try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: t.namespace, configMap(t.namespace, "src-\(i)", value: "x")) }
        }
        // Sample for a while: never two leaders, and the leader does the writing.
        for _ in 0..<20 {
            #expect(!(a.isLeader && b.isLeader))
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(a.isLeader && !b.isLeader)
        try await eventually { ((try? await snapshot(server: admin, .configMaps, namespace: t.namespace)) ?? [:]).keys.filter { $0.hasPrefix("out-") }.count == 5 }
        #expect(writes(recB, resource: "configmaps").isEmpty, "the follower wrote: \(writes(recB, resource: "configmaps"))")

        a.stop()
        try await withTimeout(.seconds(15), "a stops") { try await runA.value }
        try await eventually(.seconds(10), "b takes over after release") { b.isLeader }
        let l = try await admin.get(.leases, namespace: t.namespace, name: "tm-leader")
        #expect(l[path: ["spec", "holderIdentity"]] == "b")
        #expect(l[path: ["spec", "leaseTransitions"]]?.intValue == 1)

        // The new leader reconciles what arrives next.
        try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: t.namespace, configMap(t.namespace, "src-late", value: "x")) }
        try await eventually { (try? await snapshot(server: admin, .configMaps, namespace: t.namespace))?["out-src-late"] != nil }
        b.stop()
        try await withTimeout(.seconds(15), "b stops") { try await runB.value }
        let released = try await admin.get(.leases, namespace: t.namespace, name: "tm-leader")
        #expect(released[path: ["spec", "holderIdentity"]] == "")
    }

    @Test func followerIsReadyButNeverLeadsOrWrites() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        // Someone else holds a long lease.
        let now = Timestamp.micro(Date())
        _ = try await admin.create(.leases, namespace: t.namespace, [
            "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
            "metadata": ["name": "tm-leader", "namespace": .string(t.namespace)],
            "spec": ["holderIdentity": "someone-else", "leaseDurationSeconds": 600,
                     "acquireTime": .string(now), "renewTime": .string(now)],
        ])
        let rec = RequestRecorder()
        var o = ManagerOptions()
        o.leaderElect = true
        o.namespace = t.namespace
        o.metricsBindAddress = BindAddress(host: "127.0.0.1", port: 0)
        o.healthProbeBindAddress = BindAddress(host: "127.0.0.1", port: 0)
        let m = try Manager(options: o, clientConfiguration: try t.configuration(recorder: rec), logger: .disabled,
                            leaderElection: lease(t, id: "f", duration: .seconds(600), renew: .seconds(400)),
                            informerConfiguration: fastInformer)
        let ran = Mutex(0)
        let c = try m.controller(name: "follower", reconciler: ClosureReconciler { _ in ran.withLock { $0 += 1 }; return .done })
        await c.watch(try m.informers.informer(for: .configMaps))
        let run = Task { try await m.run() }
        try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: t.namespace, configMap(t.namespace, "f1", value: "x")) }
        try await eventually { m.boundPorts.count == 2 }
        let probes = "http://127.0.0.1:\(m.boundPorts["probes"] ?? 0)"
        let metrics = "http://127.0.0.1:\(m.boundPorts["metrics"] ?? 0)"
        // Ready once synced, although not leading.
        try await eventually { (try? await fetch(probes + "/readyz").0) == 200 }
        try await Task.sleep(for: .milliseconds(500))
        #expect(!m.isLeader)
        #expect(ran.withLock { $0 } == 0)
        #expect(try await fetch(metrics + "/metrics").1.contains("leader_election_master_status{name=\"tm-leader\"} 0"))
        #expect(writes(rec, resource: "configmaps").isEmpty)
        #expect(writes(rec, resource: "leases").isEmpty, "a follower must not touch a lease it does not hold")
        m.stop()
        try await withTimeout(.seconds(15)) { try await run.value }
        let l = try await admin.get(.leases, namespace: t.namespace, name: "tm-leader")
        #expect(l[path: ["spec", "holderIdentity"]] == "someone-else")
    }

    @Test func managerThatLosesTheLeaseStopsWorkAndFails() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let rec = RequestRecorder()
        let m = try manager(t, id: "a", recorder: rec, lease: lease(t, id: "a", duration: .seconds(3), renew: .seconds(1)))
        let run = Task { () -> ManagerError? in
            do throws(ManagerError) { try await m.run() } catch { return error }
            return nil
        }
        try await eventually(.seconds(10), "a leads") { m.isLeader }
        t.cluster.faults.failRequests(fraction: 1, codes: [500])
        try await eventually(.seconds(10), "leadership dropped") { !m.isLeader }
        let failure = try await withTimeout(.seconds(15)) { await run.value }
        t.cluster.faults.clear()
        guard case .leadershipLost? = failure else {
            Issue.record("expected leadershipLost, got \(String(describing: failure))")
            return
        }
    }

    @Test func killedLeaderIsReplacedOnlyAfterTheLeaseExpires() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let client = try t.client()
        let duration = Duration.seconds(2)
        let a = try LeaderElector(client: client, configuration: lease(t, id: "a", duration: duration, renew: .milliseconds(1500), release: false))
        let b = try LeaderElector(client: try t.client(), configuration: lease(t, id: "b", duration: duration, renew: .milliseconds(1500)))
        let bWrites = Mutex(0)
        let runA = Task { await a.run {} }
        try await eventually(.seconds(10), "a leads") { a.isLeader }
        let runB = Task { await b.run { bWrites.withLock { $0 += 1 } } }
        try await Task.sleep(for: .milliseconds(500))
        #expect(!b.isLeader)
        #expect(bWrites.withLock { $0 } == 0)

        // "Kill" a: stop it without releasing, as a crash would.
        let killedAt = ContinuousClock.now
        runA.cancel()
        #expect(try await withTimeout { await runA.value } == .cancelled)
        try await eventually(.seconds(15), "b takes over after expiry") { b.isLeader }
        // b must have waited for the lease to expire on its own clock (lower bound, with slack).
        #expect(ContinuousClock.now - killedAt >= duration - .milliseconds(500))
        let l = try await client.get(.leases, namespace: t.namespace, name: "tm-leader")
        #expect(l[path: ["spec", "holderIdentity"]] == "b")
        runB.cancel()
        _ = try await withTimeout { await runB.value }
    }

    @Test func leaderThatCannotRenewStopsLeading() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let a = try LeaderElector(client: try t.client(), configuration: lease(t, id: "a", duration: .seconds(3), renew: .seconds(1)))
        let stoppedWriting = Mutex(false)
        let run = Task {
            await a.run {
                while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(20)) }
                stoppedWriting.withLock { $0 = true }
            }
        }
        try await eventually(.seconds(10), "a leads") { a.isLeader }
        t.cluster.faults.failRequests(fraction: 1, codes: [500])
        let outcome = try await withTimeout(.seconds(15)) { await run.value }
        t.cluster.faults.clear()
        #expect(outcome == .lost)
        #expect(!a.isLeader)
        #expect(stoppedWriting.withLock { $0 })
    }
}
