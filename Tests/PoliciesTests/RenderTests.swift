import JSON
import Testing
@testable import Policies

@Suite("Rendered CNP object")
struct RenderTests {
    static let spec: JSONValue = ["predefined": "deny-all-ingress"]

    @Test("metadata: name, namespace, managed-by label, controller ownerReference")
    func metadata() throws {
        let r = try PolicyCompiler.render(name: "web", namespace: "shop", uid: "uid-1", spec: Self.spec).get()
        #expect(r.cnp["apiVersion"] == "cilium.io/v2")
        #expect(r.cnp["kind"] == "CiliumNetworkPolicy")
        #expect(r.cnp[path: ["metadata", "name"]] == "web")
        #expect(r.cnp[path: ["metadata", "namespace"]] == "shop")
        #expect(r.cnp[path: ["metadata", "labels"]] == ["app.kubernetes.io/managed-by": "threat-monitor"])
        #expect(r.cnp[path: ["metadata", "ownerReferences"]] == [[
            "apiVersion": "threatmonitor.dev/v1alpha1", "kind": "ContainerNetworkPolicy", "name": "web", "uid": "uid-1",
            "controller": true, "blockOwnerDeletion": true,
        ]])
        #expect(r.hash == ContentHash.of(r.cnp))
    }

    @Test("rendering a whole ContainerNetworkPolicy object reads its identity from metadata")
    func wholeObject() throws {
        let policy: JSONValue = ["apiVersion": "threatmonitor.dev/v1alpha1", "kind": "ContainerNetworkPolicy",
                                 "metadata": ["name": "web", "namespace": "shop", "uid": "uid-9", "generation": 3], "spec": Self.spec]
        let r = try PolicyCompiler.render(policy: policy).get()
        #expect(r.cnp[path: ["metadata", "namespace"]] == "shop")
        #expect(PolicyDrift.controllerUID(of: r.cnp) == "uid-9")
        #expect(PolicyDrift.controllerUID(of: ["metadata": ["name": "hand-made"]]) == nil)
        guard case .failure(let e) = PolicyCompiler.render(policy: ["spec": Self.spec]) else {
            Issue.record("rendered without metadata")
            return
        }
        #expect(e.issues.map(\.path) == ["metadata.name", "metadata.namespace", "metadata.uid"])
    }

    @Test("alert on sets app.gitlab.com/alert: \"true\"; alert off leaves no annotation")
    func alertAnnotation() throws {
        var spec = Self.spec
        spec["alert"] = true
        let on = try PolicyCompiler.render(name: "web", namespace: "shop", uid: "u", spec: spec).get()
        #expect(on.cnp[path: ["metadata", "annotations", "app.gitlab.com/alert"]] == "true")
        spec["alert"] = false
        let off = try PolicyCompiler.render(name: "web", namespace: "shop", uid: "u", spec: spec).get()
        #expect(off.cnp[path: ["metadata", "annotations"]] == nil)
        #expect(on.hash != off.hash)
    }

    @Test("missing identity is an error, not a half-rendered object", arguments: [
        ("", "shop", "u", "metadata.name"), ("web", "", "u", "metadata.namespace"), ("web", "shop", "", "metadata.uid"),
    ])
    func identity(_ name: String, _ namespace: String, _ uid: String, _ path: String) {
        guard case .failure(let e) = PolicyCompiler.render(name: name, namespace: namespace, uid: uid, spec: Self.spec) else {
            Issue.record("rendered without \(path)")
            return
        }
        #expect(e.issues.map(\.path) == [path])
    }

    @Test("YAML mode is preserved as given (only enforcement touches it)")
    func yamlPreserved() throws {
        let inner = try JSONParser.parse(#"{"endpointSelector":{"matchLabels":{"app":"x"}},"egress":[{"toEndpoints":[{"matchLabels":{"k8s:io.kubernetes.pod.namespace":"db"}}],"toPorts":[{"ports":[{"port":"5432","protocol":"TCP"}],"rules":{"http":[{"method":"GET","path":"/"}]}}]}],"description":"kept"}"#)
        let r = try Fixtures.render("p", ["cilium": ["spec": inner], "description": "not copied in YAML mode"])
        #expect(r.cnp["spec"] == inner)
        #expect(r.mode == .cilium)
        #expect(r.cnp["specs"] == nil)
    }

    @Test("error messages for conditions are cut at an issue boundary")
    func errorMessageLimit() {
        let many = ValidationErrors((0..<50).map { ValidationIssue(path: "spec.rules[\($0)]", message: "no peer; set exactly one of pods, entities, cidrs or fqdns") })
        let m = many.message(limit: 300)
        #expect(m.utf8.count <= 300 + 20)
        #expect(m.hasPrefix("spec.rules[0]: no peer"))
        #expect(m.hasSuffix("more)"))
        let one = ValidationErrors([ValidationIssue(path: "spec", message: String(repeating: "é", count: 500))])
        #expect(one.message(limit: 100).utf8.count <= 100)
        #expect(ValidationErrors([ValidationIssue(path: "a", message: "b")]).message() == "a: b")
    }

    @Test("the parsed spec has the defaults and the decoded source")
    func parsed() throws {
        let s = try PolicySpecParser.parse(try JSONParser.parse(#"{"podSelector":{"app":"web"},"rules":[{"direction":"outbound","fqdns":[{"matchPattern":"*.a.com"}],"ports":[{"port":443,"endPort":444,"protocol":"UDP"}]}]}"#)).get()
        #expect(s.enabled && !s.alert && !s.adopt && s.description == nil)
        #expect(s.source == .rules(RuleModeSpec(
            podSelector: [LabelPair("app", "web")],
            rules: [PolicyRule(direction: .outbound, peer: .fqdns([.pattern("*.a.com")]), ports: [RulePort(443, endPort: 444, proto: .udp)])],
            addDNSRule: true)))
    }
}
