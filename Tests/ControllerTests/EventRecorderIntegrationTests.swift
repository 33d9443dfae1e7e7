import DevCluster
import JSON
import Kube
import Testing
@testable import Controller

@Suite(.serialized) struct EventRecorderIntegrationTests {
    @Test func burstOfIdenticalEventsBecomesOneEventWithASeries() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        let ns = t.namespace
        let obj = try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: ns, configMap(ns, "subject", value: "x")) }
        let rec = try EventRecorder(client: try t.client(), reportingController: "threatmonitor.dev/test", reportingInstance: "t1")
        t.cluster.resetRequestCounts()
        for _ in 0..<1000 {
            await rec.event(obj, type: .warning, reason: "Invalid", action: "Validate", note: "spec.rules[0]: bad port")
        }
        await rec.flush()
        let events = try await admin.list(.events, namespace: ns).items
        #expect(events.count == 1)
        let e = try #require(events.first)
        #expect(e[path: ["series", "count"]]?.intValue == 1000)
        #expect(e["reason"] == "Invalid")
        #expect(e[path: ["regarding", "name"]] == "subject")
        #expect(e["reportingController"] == "threatmonitor.dev/test")
        #expect(t.cluster.requestCount(verb: "create", resource: "events") == 1)
        #expect(t.cluster.requestCount(verb: "patch", resource: "events") <= 3)
    }

    @Test func distinctReasonsMakeDistinctEvents() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        let ns = t.namespace
        let obj = try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: ns, configMap(ns, "s2", value: "x")) }
        let rec = try EventRecorder(client: try t.client(), reportingController: "c", reportingInstance: "i")
        await rec.event(obj, type: .normal, reason: "Synced", action: "Reconcile", note: "ok")
        await rec.event(obj, type: .warning, reason: "Invalid", action: "Validate", note: "bad")
        let events = try await admin.list(.events, namespace: ns).items
        #expect(Set(events.compactMap { $0["reason"]?.stringValue }) == ["Synced", "Invalid"])
        #expect(events.allSatisfy { $0["series"] == nil })
    }

    @Test func eventsAboutCachedObjectsNameTheirKind() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        let admin = try t.client()
        let ns = t.namespace
        try await persist { () throws(KubeError) in try await admin.create(.configMaps, namespace: ns, configMap(ns, "cached", value: "x")) }
        let inf = try Informer(client: try t.client(), resource: .configMaps, namespace: ns, configuration: fastInformer)
        let task = Task { await inf.run() }
        defer { task.cancel() }
        #expect(await inf.waitForSync(timeout: .seconds(10)))
        let obj = try #require(inf.cache.get(namespace: ns, name: "cached"))
        #expect(obj["kind"] == "ConfigMap")
        #expect(obj["apiVersion"] == "v1")
        let rec = try EventRecorder(client: try t.client(), reportingController: "c", reportingInstance: "i")
        await rec.event(obj, type: .normal, reason: "Seen", action: "Reconcile", note: "from the cache")
        let e = try #require(try await admin.list(.events, namespace: ns).items.first)
        #expect(e[path: ["regarding", "kind"]] == "ConfigMap")
        #expect(e[path: ["regarding", "uid"]] == obj[path: ["metadata", "uid"]])
    }
}
