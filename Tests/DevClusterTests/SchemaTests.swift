import Foundation
import JSON
import Testing
import TestSupport
@testable import DevCluster

/// Structural schema validation, pruning, defaulting and fieldValidation on custom resources.
@Suite("CRD schemas")
struct SchemaTests {
    private func widget(_ spec: JSONValue, extra: [(String, JSONValue)] = []) -> JSONValue {
        var o: JSONValue = ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w"], "spec": spec]
        for (k, v) in extra { o[k] = v }
        return o
    }

    @Test func validObjectIsDefaulted() throws {
        let e = Engine()
        let w = try e.widgets()
        let o = try e.store.create(w, namespace: "default", widget(["color": "red", "size": "10%"])).object
        #expect(o[path: ["spec", "replicas"]] == 1)
        #expect(o[path: ["metadata", "generation"]] == 1)
    }

    // MARK: - Bad inputs and the causes kube-apiserver reports

    static let badSpecs: [(JSONValue, String, String)] = [
        ([:], "spec.color", "Required value"),
        (["color": "pink"], "spec.color", "Unsupported value: \"pink\": supported values: \"red\", \"green\", \"blue\""),
        (["color": "red", "replicas": "two"], "spec.replicas", "Invalid value: \"two\": spec.replicas in body must be of type integer: \"string\""),
        (["color": "red", "replicas": -1], "spec.replicas", "Invalid value: -1: spec.replicas in body should be greater than or equal to 0"),
        (["color": "red", "tags": ["a", "b", "c", "d"]], "spec.tags", "Too many: 4: must have at most 3 items"),
        (["color": "red", "size": true], "spec.size", "Invalid value: true: spec.size in body must be of type integer or string: \"boolean\""),
        (["color": 3], "spec.color", "Invalid value: 3: spec.color in body must be of type string: \"integer\""),
    ]

    @Test(arguments: badSpecs)
    func badSpecsAreInvalid(spec: JSONValue, field: String, message: String) throws {
        let e = Engine()
        let w = try e.widgets()
        do {
            _ = try e.store.create(w, namespace: "default", widget(spec))
            Issue.record("expected Invalid for \(spec)")
        } catch {
            guard case .invalid(_, _, _, let causes) = error else { Issue.record("\(error)"); return }
            #expect(causes.contains { $0.field == field && $0.message == message }, "\(causes)")
        }
    }

    @Test(arguments: [FieldValidation.strict, .warn, .ignore])
    func unknownFieldsFollowFieldValidation(_ mode: FieldValidation) throws {
        let e = Engine()
        let w = try e.widgets()
        var o = WriteOptions()
        o.fieldValidation = mode
        let body = widget(["color": "red", "bogus": 1], extra: [("extra", "x")])
        do {
            let r = try e.store.create(w, namespace: "default", body, o)
            #expect(mode != .strict)
            #expect(r.object[path: ["spec", "bogus"]] == nil, "pruned")
            #expect(r.object["extra"] == nil, "pruned")
            #expect(r.warnings == (mode == .warn ? ["unknown field \"extra\"", "unknown field \"spec.bogus\""] : [])
                    || r.warnings == (mode == .warn ? ["unknown field \"spec.bogus\"", "unknown field \"extra\""] : []))
        } catch {
            #expect(mode == .strict)
            #expect(error.code == 400)
            #expect(error.message.hasPrefix("strict decoding error: "))
            #expect(error.message.contains("unknown field \"spec.bogus\""))
        }
    }

    @Test func statusSubresourceRules() throws {
        let e = Engine()
        let w = try e.widgets()
        _ = try e.store.create(w, namespace: "default", widget(["color": "red"]))
        // Main endpoint ignores status.
        let a = try e.store.patch(w, namespace: "default", name: "w", type: .merge, ["status": ["state": "InReview"]]).object
        #expect(a["status"] == nil)
        // /status ignores everything but status, and does not move generation.
        let b = try e.store.patch(w, namespace: "default", name: "w", type: .merge,
                                  ["spec": ["color": "blue"], "status": ["state": "InReview"]], subresource: "status").object
        #expect(b[path: ["spec", "color"]] == "red")
        #expect(b[path: ["status", "state"]] == "InReview")
        #expect(b[path: ["metadata", "generation"]] == 1)
        let c = try e.store.patch(w, namespace: "default", name: "w", type: .merge, ["spec": ["color": "blue"]]).object
        #expect(c[path: ["metadata", "generation"]] == 2)
        #expect(c[path: ["status", "state"]] == "InReview")
    }

    @Test func crdReportsEstablishedAndWarnsAboutCEL() throws {
        let e = Engine()
        var crd = try Fixtures.widgetCRDJSON()
        crd[path: ["spec", "versions"]] = .array((crd[path: ["spec", "versions"]]?.arrayValue ?? []).map { v in
            var v = v
            v[path: ["schema", "openAPIV3Schema", "x-kubernetes-validations"]] = [["rule": "self.spec.replicas < 5"]]
            return v
        })
        let r = try e.store.create(e.type("apiextensions.k8s.io", "v1", "customresourcedefinitions"), namespace: nil, crd)
        let conditions = r.object[path: ["status", "conditions"]]?.arrayValue ?? []
        #expect(conditions.contains { $0["type"] == "Established" && $0["status"] == "True" })
        #expect(r.warnings.contains { $0.contains("x-kubernetes-validations") })
        #expect(e.store.lookup(group: "example.com", version: "v1", plural: "widgets") != nil, "served at once")
    }

    @Test func deletingTheCRDStopsServingIt() throws {
        let e = Engine()
        let w = try e.widgets()
        _ = try e.store.create(w, namespace: "default", widget(["color": "red"]))
        _ = try e.store.delete(e.type("apiextensions.k8s.io", "v1", "customresourcedefinitions"), namespace: nil,
                               name: "widgets.example.com")
        #expect(e.store.lookup(group: "example.com", version: "v1", plural: "widgets") == nil)
    }
}

/// The CiliumNetworkPolicy schema (400 KB) served as a CRD, as in a Cilium cluster.
@Suite("CiliumNetworkPolicy CRD")
struct CiliumSchemaTests {
    /// Cilium's schema wrapped as SOURCE.txt says (TestSupport finds ../shared/reference).
    static func cnpCRD() throws -> JSONValue { try CiliumCRDs.ciliumNetworkPolicy() }

    private func cnp(_ ingress: JSONValue) -> JSONValue {
        ["apiVersion": "cilium.io/v2", "kind": "CiliumNetworkPolicy", "metadata": ["name": "allow-web"],
         "spec": ["endpointSelector": ["matchLabels": ["app": "web"]], "ingress": ingress]]
    }

    @Test func validAcceptedWrongRejectedUnknownRejectedWhenStrict() throws {
        let e = Engine()
        _ = try e.store.create(e.type("apiextensions.k8s.io", "v1", "customresourcedefinitions"), namespace: nil, try Self.cnpCRD())
        let t = try #require(e.store.lookup(group: "cilium.io", version: "v2", plural: "ciliumnetworkpolicies"))
        var strict = WriteOptions()
        strict.fieldValidation = .strict
        let ok = try e.store.create(t, namespace: "default",
                                    cnp([["fromEntities": ["world"], "toPorts": [["ports": [["port": "80", "protocol": "TCP"]]]]]]), strict)
        #expect(ok.object.metaName == "allow-web")
        do {
            var bad = cnp([["fromEntities": ["world"], "toPorts": [["ports": [["port": "80", "protocol": "XYZ"]]]]]])
            bad.setMeta("name", "bad")
            _ = try e.store.create(t, namespace: "default", bad, strict)
            Issue.record("expected Invalid")
        } catch {
            guard case .invalid(_, _, _, let causes) = error else { Issue.record("\(error)"); return }
            #expect(causes.map(\.field) == ["spec.ingress[0].toPorts[0].ports[0].protocol"])
        }
        do {
            var unknown = cnp([["fromEntities": ["world"], "bogus": true]])
            unknown.setMeta("name", "unknown")
            _ = try e.store.create(t, namespace: "default", unknown, strict)
            Issue.record("expected strict decoding error")
        } catch {
            #expect(error.message == "strict decoding error: unknown field \"spec.ingress[0].bogus\"")
        }
        do {
            var neither: JSONValue = cnp([["fromEntities": ["world"]]])
            neither["spec"]?["endpointSelector"] = nil
            neither.setMeta("name", "neither")
            _ = try e.store.create(t, namespace: "default", neither, strict)
            Issue.record("oneOf endpointSelector/nodeSelector should fail")
        } catch {
            #expect(error.code == 422)
        }
    }
}

/// Go (RE2) patterns as CRDs write them, compiled for ICU.
@Suite("Go regular expressions")
struct GoPatternTests {
    @Test(arguments: [
        (#"^\PC*$"#, #"^\P{C}*$"#),
        (#"\pL+"#, #"\p{L}+"#),
        (#"\p{Greek}"#, #"\p{Greek}"#),
        (#"(?P<year>\d+)(?:x)"#, #"(?<year>\d+)(?:x)"#),
        (#"^[a-z]\.b$"#, #"^[a-z]\.b$"#),
    ])
    func translates(go: String, icu: String) {
        #expect(StructuralSchema.icuPattern(fromGo: go) == icu)
    }
}
