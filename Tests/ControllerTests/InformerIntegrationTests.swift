import DevCluster
import JSON
import Kube
import Synchronization
import Testing
@testable import Controller

/// The informer against DevCluster and its faults: after each, the cache equals the server.
@Suite(.serialized) struct InformerIntegrationTests {
    /// Writes creates, updates and deletes so every fault window sees all three kinds.
    func churn(_ client: KubeClient, _ ns: String, round: Int, count: Int = 20) async throws {
        for i in 0..<count {
            let name = "cm-\(i)"
            switch (i + round) % 3 {
            case 0:
                do {
                    try await persist { () throws(KubeError) in
                        try await client.create(.configMaps, namespace: ns, configMap(ns, name, value: "r\(round)"))
                    }
                } catch let e as KubeError where e.isAlreadyExists {}
            case 1:
                do {
                    try await persist { () throws(KubeError) in
                        try await client.patch(.configMaps, namespace: ns, name: name, .merge(["data": ["value": .string("r\(round)")]]))
                    }
                } catch let e as KubeError where e.isNotFound {}
            default:
                do {
                    try await persist { () throws(KubeError) in try await client.delete(.configMaps, namespace: ns, name: name) }
                } catch let e as KubeError where e.isNotFound {}
            }
        }
    }

    func startInformer(_ t: TestCluster, registry: MetricsRegistry) throws -> (Informer, Task<Void, Never>) {
        let inf = try Informer(client: try t.client(), resource: .configMaps, namespace: t.namespace,
                               configuration: fastInformer, registry: registry)
        return (inf, Task { await inf.run() })
    }

    @Test func syncsAndFollowsChanges() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        try await churn(admin, t.namespace, round: 0)
        let registry = MetricsRegistry()
        let (inf, task) = try startInformer(t, registry: registry)
        defer { task.cancel() }
        #expect(await inf.waitForSync(timeout: .seconds(10)))
        try await expectConverged(inf, server: admin, namespace: t.namespace)
        for round in 1...3 { try await churn(admin, t.namespace, round: round) }
        try await expectConverged(inf, server: admin, namespace: t.namespace)
    }

    @Test func handlersSeeEveryDeleteAcrossDroppedWatches() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        let registry = MetricsRegistry()
        let (inf, task) = try startInformer(t, registry: registry)
        defer { task.cancel() }
        // Handler view: the set of live names it was told about.
        let live = Mutex<Set<String>>([])
        await inf.addHandler(InformerEventHandler(
            onAdd: { o in live.withLock { _ = $0.insert(o[path: ["metadata", "name"]]?.stringValue ?? "") } },
            onUpdate: { _, _ in },
            onDelete: { o in live.withLock { _ = $0.remove(o[path: ["metadata", "name"]]?.stringValue ?? "") } }))
        #expect(await inf.waitForSync(timeout: .seconds(10)))
        for round in 0..<6 {
            try await churn(admin, t.namespace, round: round)
            t.cluster.faults.dropAllWatches()
        }
        try await expectConverged(inf, server: admin, namespace: t.namespace)
        let server = Set(try await snapshot(server: admin, .configMaps, namespace: t.namespace).keys)
        #expect(live.withLock { $0 } == server)
    }

    @Test func relistsAfterHistoryExpiredAndDeliversMissedDeletes() async throws {
        // No bookmarks: they would move the informer to the newest version and avoid the 410.
        let t = try await TestCluster.start(options: DevClusterOptions(bookmarkInterval: .seconds(3600)))
        defer { Task { await t.stop() } }
        let admin = try t.client()
        try await createNamespace(admin, "elsewhere")
        try await churn(admin, t.namespace, round: 0)
        let registry = MetricsRegistry()
        let (inf, task) = try startInformer(t, registry: registry)
        defer { task.cancel() }
        #expect(await inf.waitForSync(timeout: .seconds(10)))
        let deleted = Mutex(0)
        await inf.addHandler(InformerEventHandler(onDelete: { _ in deleted.withLock { $0 += 1 } }))
        for round in 1...3 {
            t.cluster.faults.dropAllWatches()
            try await churn(admin, t.namespace, round: round)
            // A write the namespaced informer never sees moves the server past its version;
            // forgetting history then makes its next watch fail with 410 Gone.
            try await persist { () throws(KubeError) in
                try await admin.create(.configMaps, namespace: "elsewhere", configMap("elsewhere", "x\(round)", value: "x"))
            }
            t.cluster.faults.expireHistory()
            t.cluster.faults.dropAllWatches()
            try await expectConverged(inf, server: admin, namespace: t.namespace)
        }
        let metrics = try InformerMetrics(registry: registry, resource: GroupVersionResource.configMaps.description)
        #expect(metrics.restarts.labels(metrics.resource, "expired").value >= 1)
        #expect(metrics.lists.value >= 2)
        #expect(deleted.withLock { $0 } > 0)
    }

    @Test func convergesAfterServerRestart() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        let registry = MetricsRegistry()
        let (inf, task) = try startInformer(t, registry: registry)
        defer { task.cancel() }
        #expect(await inf.waitForSync(timeout: .seconds(10)))
        try await churn(admin, t.namespace, round: 0)
        try await t.cluster.restart()
        guard let e = t.cluster.endpoint, e.port == t.endpoint.port else {
            Issue.record("DevCluster came back on another port; the informer's client cannot follow")
            return
        }
        try await churn(admin, t.namespace, round: 1)
        try await expectConverged(inf, server: admin, namespace: t.namespace)
    }

    @Test func convergesWhileTwentyPercentOfRequestsFail() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        t.cluster.faults.failRequests(fraction: 0.2, codes: [429, 500])
        let registry = MetricsRegistry()
        let (inf, task) = try startInformer(t, registry: registry)
        defer { task.cancel() }
        #expect(await inf.waitForSync(timeout: .seconds(20)))
        for round in 0..<4 {
            try await churn(admin, t.namespace, round: round)
            t.cluster.faults.dropAllWatches()
        }
        try await expectConverged(inf, server: admin, namespace: t.namespace, .seconds(30))
        t.cluster.faults.clear()
    }

    @Test func bookmarksAdvanceTheResumePoint() async throws {
        let t = try await TestCluster.start(options: DevClusterOptions(bookmarkInterval: .milliseconds(100)))
        defer { Task { await t.stop() } }
        let admin = try t.client()
        try await createNamespace(admin, "elsewhere")
        let (inf, task) = try startInformer(t, registry: MetricsRegistry())
        defer { task.cancel() }
        #expect(await inf.waitForSync(timeout: .seconds(10)))
        let before = Int64(inf.lastResourceVersion ?? "") ?? 0
        // Changes the namespaced informer never sees as events.
        for i in 0..<3 {
            try await persist { () throws(KubeError) in
                try await admin.create(.configMaps, namespace: "elsewhere", configMap("elsewhere", "b\(i)", value: "x"))
            }
        }
        let target = t.cluster.resourceVersion
        #expect(target > before)
        try await eventually(.seconds(10), "bookmark moves the resume point") {
            (Int64(inf.lastResourceVersion ?? "") ?? 0) >= target
        }
        #expect(inf.cache.count == 0)
    }

    @Test func watchesEndOnTheirTimeoutAndResumeWithoutRelisting() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        var config = fastInformer
        config.watchTimeoutSeconds = 1...1
        config.minimumWatchDuration = .zero
        let registry = MetricsRegistry()
        let inf = try Informer(client: try t.client(), resource: .configMaps, namespace: t.namespace,
                               configuration: config, registry: registry)
        let task = Task { await inf.run() }
        defer { task.cancel() }
        #expect(await inf.waitForSync(timeout: .seconds(10)))
        let metrics = try InformerMetrics(registry: registry, resource: GroupVersionResource.configMaps.description)
        try await eventually(.seconds(10), "two watches ended by timeout") {
            metrics.restarts.labels(metrics.resource, "closed").value >= 2
        }
        try await churn(admin, t.namespace, round: 0)
        try await expectConverged(inf, server: admin, namespace: t.namespace)
        #expect(metrics.lists.value == 1)
    }

    @Test func sharedFactoryHandsOutOneInformerPerResource() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let f = SharedInformerFactory(client: try t.client(), namespace: t.namespace, configuration: fastInformer)
        let a = try f.informer(for: .configMaps)
        let b = try f.informer(for: .configMaps)
        #expect(a === b)
        f.start()
        #expect(await f.waitForCacheSync(timeout: .seconds(10)))
        #expect(f.unsynced.isEmpty)
        await f.shutdown()
        // One list, however many users.
        #expect(t.cluster.requestCount(verb: "list", resource: "configmaps") == 1)
    }
}
