import DevCluster
import JSON
import Kube
import Synchronization
import Testing
@testable import Controller

/// A reconciler driven by an informer sees level-based semantics end to end.
@Suite(.serialized) struct LevelReconcileIntegrationTests {
    @Test func rapidUpdatesCollapseAndFinalStateIsReconciled() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        let ns = t.namespace
        try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: ns, configMap(ns, "hot", value: "0")) }

        let inf = try Informer(client: try t.client(), resource: .configMaps, namespace: ns, configuration: fastInformer)
        let seen = Mutex<[String]>([])
        let c = try Controller(name: "level", reconciler: ClosureReconciler { key in
            // Read the level from the cache, never from the event.
            let v = inf.cache.get(key)?[path: ["data", "value"]]?.stringValue ?? "<gone>"
            seen.withLock { $0.append(v) }
            try await Task.sleep(for: .milliseconds(20))
            return .done
        })
        await c.watch(inf)
        let infTask = Task { await inf.run() }
        let run = Task { await c.run() }
        defer { infTask.cancel() }
        #expect(await inf.waitForSync(timeout: .seconds(10)))
        for i in 1...200 {
            try await persist { () throws(KubeError) in
                try await admin.patch(.configMaps, namespace: ns, name: "hot", .merge(["data": ["value": .string(String(i))]]))
            }
        }
        try await eventually(.seconds(20), "final value reconciled") { seen.withLock { $0.last } == "200" }
        #expect(await c.shutDown(drainTimeout: .seconds(5)))
        try await withTimeout { await run.value }
        let runs = seen.withLock { $0.count }
        #expect(runs < 200, "200 updates should collapse into fewer reconciles, got \(runs)")
    }

    @Test func changesToOwnedObjectsReconcileTheirOwner() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        let ns = t.namespace
        let owner = try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: ns, configMap(ns, "owner", value: "x")) }
        var child = configMap(ns, "child", value: "1")
        child[path: ["metadata", "ownerReferences"]] = [[
            "apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "controller": true,
            "uid": owner[path: ["metadata", "uid"]] ?? "",
        ]]
        let inf = try Informer(client: try t.client(), resource: .configMaps, namespace: ns, configuration: fastInformer)
        let keys = Mutex<Set<ObjectKey>>([])
        let c = try Controller(name: "owner", reconciler: ClosureReconciler { key in
            keys.withLock { _ = $0.insert(key) }
            return .done
        })
        await c.watchOwned(inf, ownerKind: "ConfigMap")
        let infTask = Task { await inf.run() }
        let run = Task { await c.run() }
        defer { infTask.cancel() }
        let created = child
        try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: ns, created) }
        try await eventually { keys.withLock { $0.contains(ObjectKey(namespace: ns, name: "owner")) } }
        #expect(!keys.withLock { $0.contains(ObjectKey(namespace: ns, name: "child")) })
        _ = await c.shutDown(drainTimeout: .seconds(5))
        try await withTimeout { await run.value }
    }
}
