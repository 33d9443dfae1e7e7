import JSON
import Testing
@testable import DevCluster

/// events.k8s.io/v1 writes are visible through core/v1, as with kube-apiserver's single
/// Event storage, so `kubectl describe` shows what controllers record.
@Suite("Engine: Events through both APIs")
struct EventMirrorTests {
    static let event: JSONValue = [
        "apiVersion": "events.k8s.io/v1", "kind": "Event",
        "metadata": ["name": "web.1", "namespace": "default"],
        "eventTime": "2026-12-04T10:00:00.000000Z",
        "reportingController": "threatmonitor.dev/operator", "reportingInstance": "pod-1",
        "action": "Validate", "reason": "Invalid", "type": "Warning",
        "note": "spec.rules[0].cidrs[0]: not a CIDR",
        "regarding": ["kind": "ContainerNetworkPolicy", "namespace": "default", "name": "web", "uid": "u-1"],
    ]

    @Test func createUpdateAndDeleteAreMirrored() throws {
        let e = Engine()
        let v1 = e.type("events.k8s.io", "v1", "events"), core = e.type("", "v1", "events")
        try e.store.create(v1, namespace: "default", Self.event)
        var selector = ListOptions()
        selector.fieldSelector = try FieldSelector(parsing: "involvedObject.name=web,involvedObject.kind=ContainerNetworkPolicy",
                                                 supported: core.supportedFieldSelectors)
        let listed = try e.store.list(core, namespace: "default", selector).items
        let twin = try #require(listed.first)
        #expect(listed.count == 1)
        #expect(twin["message"] == "spec.rules[0].cidrs[0]: not a CIDR")
        #expect(twin["reason"] == "Invalid")
        #expect(twin["type"] == "Warning")
        #expect(twin[path: ["source", "component"]] == "threatmonitor.dev/operator")
        #expect(twin["count"] == 1)
        #expect(twin["lastTimestamp"] == "2026-12-04T10:00:00.000000Z")

        _ = try e.store.patch(v1, namespace: "default", name: "web.1", type: .merge,
                              ["series": ["count": 5, "lastObservedTime": "2026-12-04T10:05:00.000000Z"]])
        let counted = try e.store.get(core, namespace: "default", name: "web.1")
        #expect(counted["count"] == 5)
        #expect(counted["lastTimestamp"] == "2026-12-04T10:05:00.000000Z")

        _ = try e.store.delete(v1, namespace: "default", name: "web.1")
        #expect(throws: APIError.self) { try e.store.get(core, namespace: "default", name: "web.1") }
    }

    @Test func dryRunIsNotMirrored() throws {
        let e = Engine()
        var o = WriteOptions()
        o.dryRun = true
        try e.store.create(e.type("events.k8s.io", "v1", "events"), namespace: "default", Self.event, o)
        #expect(try e.store.list(e.type("", "v1", "events"), namespace: "default").items.isEmpty)
    }
}
