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
}
