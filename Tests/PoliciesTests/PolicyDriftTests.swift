import JSON
import Testing
@testable import Policies

@Suite("Drift between live and desired CNP")
struct PolicyDriftTests {
    func desired(alert: Bool = false, spec: JSONValue? = nil) throws -> JSONValue {
        var s: JSONValue = spec ?? ["predefined": "allow-same-namespace"]
        s["alert"] = .bool(alert)
        return try PolicyCompiler.render(name: "web", namespace: "shop", uid: "uid-1", spec: s).get().cnp
    }

    /// What the API server returns: our object plus server fields and other writers' metadata.
    func live(from desired: JSONValue) -> JSONValue {
        var l = desired
        l[path: ["metadata", "resourceVersion"]] = "42"
        l[path: ["metadata", "creationTimestamp"]] = "2026-12-04T10:00:00Z"
        l[path: ["metadata", "labels", "team"]] = "payments"
        l[path: ["metadata", "annotations", "note"]] = "keep me"
        l["status"] = ["conditions": [["type": "Valid", "status": "True"]]]
        return l
    }

    @Test("nothing to write when only fields we do not own differ")
    func inSync() throws {
        let d = try desired()
        #expect(PolicyDrift.differences(live: live(from: d), desired: d) == [])
        #expect(PolicyDrift.isInSync(live: live(from: d), desired: d))
    }

    @Test("an explicit null specs is the same as none")
    func nullIsAbsent() throws {
        let d = try desired()
        var l = live(from: d)
        l["specs"] = .null
        #expect(PolicyDrift.isInSync(live: l, desired: d))
    }

    @Test("a hand-edited spec is drift, and reconciling restores it keeping server fields")
    func specDrift() throws {
        let d = try desired()
        var l = live(from: d)
        l[path: ["spec", "ingress"]] = [["fromEntities": ["world"]]]
        #expect(PolicyDrift.differences(live: l, desired: d) == ["spec"])
        let fixed = PolicyDrift.reconciled(live: l, desired: d)
        #expect(fixed["spec"] == d["spec"])
        #expect(fixed[path: ["metadata", "resourceVersion"]] == "42")
        #expect(fixed[path: ["metadata", "labels", "team"]] == "payments")
        #expect(fixed["status"] != nil)
        #expect(PolicyDrift.isInSync(live: fixed, desired: d))
    }

    @Test("alert turned off removes our annotation and keeps others")
    func alertOff() throws {
        let l = live(from: try desired(alert: true))
        let d = try desired(alert: false)
        #expect(PolicyDrift.differences(live: l, desired: d) == ["metadata.annotations[app.gitlab.com/alert]"])
        let fixed = PolicyDrift.reconciled(live: l, desired: d)
        #expect(fixed[path: ["metadata", "annotations"]] == ["note": "keep me"])
        #expect(PolicyDrift.isInSync(live: fixed, desired: d))
    }

    @Test("removed managed-by label and a missing or foreign controller reference are drift")
    func metadataDrift() throws {
        let d = try desired()
        var l = live(from: d)
        l[path: ["metadata", "labels", PolicyMetadata.managedByKey]] = nil
        l[path: ["metadata", "ownerReferences"]] = [
            ["apiVersion": "v1", "kind": "ConfigMap", "name": "other", "uid": "x", "controller": true],
            ["apiVersion": "v1", "kind": "Secret", "name": "s", "uid": "y"],
        ]
        #expect(PolicyDrift.differences(live: l, desired: d) == ["metadata.labels[app.kubernetes.io/managed-by]", "metadata.ownerReferences"])
        let fixed = PolicyDrift.reconciled(live: l, desired: d)
        let refs = fixed[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
        #expect(refs.map { $0["uid"] } == ["y", "uid-1"])
        #expect(PolicyDrift.isInSync(live: fixed, desired: d))
    }

    @Test("switching spec to specs is drift on both")
    func specToSpecs() throws {
        let single = try desired(spec: ["cilium": ["spec": ["endpointSelector": [:], "ingress": [[:]]]]])
        let multi = try desired(spec: ["cilium": ["specs": [["endpointSelector": [:], "ingress": [[:]]]]]])
        #expect(PolicyDrift.differences(live: live(from: single), desired: multi) == ["spec", "specs"])
        #expect(PolicyDrift.isInSync(live: PolicyDrift.reconciled(live: live(from: single), desired: multi), desired: multi))
    }

    @Test("the API server's ICMP family default is not drift")
    func icmpDefault() throws {
        let d = try desired(spec: ["cilium": ["spec": ["endpointSelector": [:], "ingress": [["fromEntities": ["world"], "icmps": [["fields": [["type": 8]]]]]]]]])
        var l = live(from: d)
        l[path: ["spec", "ingress"]] = [["fromEntities": ["world"], "icmps": [["fields": [["type": 8, "family": "IPv4"]]]]]]
        #expect(PolicyDrift.isInSync(live: l, desired: d))
        l[path: ["spec", "ingress"]] = [["fromEntities": ["world"], "icmps": [["fields": [["type": 8, "family": "IPv6"]]]]]]
        #expect(PolicyDrift.differences(live: l, desired: d) == ["spec"])
    }
}
