import Foundation
import JSON
import Testing
@testable import Kube

@Suite("Codable models and dynamic objects")
struct ModelTests {
    @Test func leaseRoundTrip() throws {
        let lease = Lease(metadata: ObjectMeta(name: "leader", namespace: "ops"),
                          spec: .init(holderIdentity: "pod-a", leaseDurationSeconds: 15, renewTime: "2026-01-01T00:00:00.000000Z"))
        let v = try lease.jsonValue()
        #expect(v["apiVersion"] == "coordination.k8s.io/v1")
        #expect(v["kind"] == "Lease")
        #expect(v[path: ["spec", "holderIdentity"]] == "pod-a")
        #expect(try Lease(v) == lease)
    }

    @Test func objectMetaFromServerObject() throws {
        let v = try JSONParser.parse("""
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team", "uid": "u1", "resourceVersion": "7",
         "generation": 3, "labels": {"a": "b"}, "finalizers": ["kubernetes"],
         "ownerReferences": [{"apiVersion": "threatmonitor.dev/v1alpha1", "kind": "Environment", "name": "e", "uid": "u0", "controller": true}],
         "managedFields": [{"manager": "kubectl", "fieldsV1": {"f:metadata": {}}}]},
         "status": {"phase": "Active"}}
        """)
        let ns = try Namespace(v)
        #expect(ns.metadata.name == "team")
        #expect(ns.metadata.generation == 3)
        #expect(ns.metadata.ownerReferences?.first?.controller == true)
        #expect(ns.metadata.managedFields?.count == 1)
        #expect(ns.status?.phase == "Active")
    }

    @Test func eventAndEndpointSlice() throws {
        var e = Event(metadata: ObjectMeta(name: "e1", namespace: "ns"))
        e.eventTime = "2026-01-01T00:00:00.000000Z"
        e.reportingController = "threatmonitor.dev/operator"
        e.regarding = ObjectReference(apiVersion: "v1", kind: "Pod", namespace: "ns", name: "p")
        e.type = "Warning"
        let ev = try e.jsonValue()
        #expect(ev["apiVersion"] == "events.k8s.io/v1")
        #expect(ev[path: ["regarding", "kind"]] == "Pod")
        let slice = try EndpointSlice(JSONParser.parse("""
        {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {"name": "hubble-metrics-abc"},
         "addressType": "IPv4", "endpoints": [{"addresses": ["10.0.0.5"], "conditions": {"ready": true}, "nodeName": "n1"}],
         "ports": [{"name": "hubble-metrics", "port": 9965, "protocol": "TCP"}]}
        """))
        #expect(slice.endpoints?.first?.addresses == ["10.0.0.5"])
        #expect(slice.ports?.first?.port == 9965)
    }

    @Test func conditionAndWatchEventDecoding() throws {
        let c = Condition(type: "Ready", status: "True", observedGeneration: 2, lastTransitionTime: "2026-01-01T00:00:00Z", reason: "Deployed", message: "ok")
        let v = try JSONValue(encoding: c)
        #expect(try v.decode(Condition.self) == c)
        let event = WatchEvent(type: .modified, object: try Namespace(metadata: ObjectMeta(name: "n")).jsonValue())
        let typed = try TypedWatchEvent<Namespace>(event)
        #expect(typed.type == .modified)
        #expect(typed.object.metadata.name == "n")
    }

    @Test func wrongShapeIsADecodingError() throws {
        let v: JSONValue = ["apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": ["name": "x"]]
        do {
            _ = try EndpointSlice(v)
            Issue.record("expected an error")
        } catch {
            guard case .decoding(let m) = error else { Issue.record("got \(error)"); return }
            #expect(m.contains("addressType"))
        }
    }

    @Test func statusObjectParsing() throws {
        let v = try JSONParser.parse("""
        {"kind": "Status", "apiVersion": "v1", "status": "Failure", "message": "x is invalid", "reason": "Invalid", "code": 422,
         "details": {"name": "x", "kind": "widgets", "causes": [{"reason": "FieldValueInvalid", "message": "Invalid value: 70000", "field": "spec.port"}]}}
        """)
        let s = try #require(APIStatus(v))
        #expect(s.code == 422)
        #expect(s.description == "422 Invalid: x is invalid [spec.port: Invalid value: 70000]")
        #expect(APIStatus(["kind": "ConfigMap"]) == nil)
        let e = KubeClient.error(status: 422, body: JSONWriter.data(v))
        #expect(e.isInvalid)
    }

    @Test func unknownObjectsKeepEveryField() throws {
        // A CiliumNetworkPolicy is not modelled: it stays a JSONValue, field for field.
        let text = """
        {"apiVersion":"cilium.io/v2","kind":"CiliumNetworkPolicy","metadata":{"name":"p","annotations":{"app.gitlab.com/alert":"true"}},\
        "spec":{"endpointSelector":{"matchLabels":{"app":"web"}},"ingress":[{"fromEntities":["world"],"toPorts":[{"ports":[{"port":"80","protocol":"TCP"}]}]}]},\
        "x-unknown":{"nested":[1,2.5,null,true]}}
        """
        let v = try JSONParser.parse(text)
        #expect(JSONWriter.string(v) == text)
    }

    @Test func rfc3339() {
        #expect(RFC3339.parse("2026-01-02T03:04:05Z") != nil)
        #expect(RFC3339.parse("2026-01-02T03:04:05.123456Z") != nil)
        #expect(RFC3339.parse("yesterday") == nil)
    }
}
