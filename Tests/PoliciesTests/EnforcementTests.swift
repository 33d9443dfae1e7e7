import JSON
import Testing
@testable import Policies

@Suite("Enforcement (disabled_by label)")
struct EnforcementTests {
    static let key = "network-policy.gitlab.com/disabled_by"

    func cnp(_ json: String) throws -> JSONValue { try JSONParser.parse(json) }

    @Test("disable then enable gives back the original", arguments: [
        // spec with an empty selector
        #"{"spec":{"endpointSelector":{},"ingress":[{}]}}"#,
        // spec with labels and expressions
        #"{"spec":{"endpointSelector":{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]},"egress":[{"toEntities":["world"]}]}}"#,
        // specs, one of them a host policy
        #"{"specs":[{"endpointSelector":{"matchLabels":{"app":"a"}},"ingress":[{}]},{"nodeSelector":{"matchLabels":{"role":"edge"}},"ingress":[{}]},{"endpointSelector":{"matchExpressions":[{"key":"x","operator":"Exists"}]},"egress":[{}]}]}"#,
        // spec and specs together
        #"{"spec":{"endpointSelector":{},"ingress":[{}]},"specs":[{"endpointSelector":{"matchLabels":{"b":"c"}},"egress":[{}]}]}"#,
    ])
    func roundTrip(_ json: String) throws {
        let original = try cnp(json)
        #expect(Enforcement.isEnabled(cnp: original))
        let disabled = Enforcement.setEnabled(false, on: original)
        #expect(!Enforcement.isEnabled(cnp: disabled))
        for rule in Enforcement.rules(of: disabled) {
            let selector = rule["endpointSelector"] ?? rule["nodeSelector"]
            #expect(selector?["matchLabels"]?[Self.key] == "gitlab")
        }
        #expect(Enforcement.setEnabled(false, on: disabled) == disabled)
        let enabled = Enforcement.setEnabled(true, on: disabled)
        #expect(enabled == original)
        #expect(JSONWriter.string(enabled) == JSONWriter.string(original))
    }

    @Test("disabling keeps existing labels and expressions")
    func keepsSelector() throws {
        let disabled = Enforcement.setEnabled(false, on: try cnp(#"{"spec":{"endpointSelector":{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"t","operator":"Exists"}]},"ingress":[{}]}}"#))
        #expect(disabled[path: ["spec", "endpointSelector"]] == (try JSONParser.parse(#"{"matchLabels":{"app":"web","network-policy.gitlab.com/disabled_by":"gitlab"},"matchExpressions":[{"key":"t","operator":"Exists"}]}"#)))
    }

    @Test("GitLab's rule: disabled when the key is present, whatever the value; any rule of specs counts")
    func isEnabledRule() throws {
        #expect(!Enforcement.isEnabled(cnp: try cnp(#"{"spec":{"endpointSelector":{"matchLabels":{"network-policy.gitlab.com/disabled_by":"someone"}}}}"#)))
        #expect(Enforcement.isEnabled(cnp: try cnp(#"{"spec":{"endpointSelector":{"matchLabels":{"app":"gitlab"}}}}"#)))
        #expect(!Enforcement.isEnabled(cnp: try cnp(#"{"specs":[{"endpointSelector":{}},{"nodeSelector":{"matchLabels":{"network-policy.gitlab.com/disabled_by":"gitlab"}}}]}"#)))
        #expect(Enforcement.isEnabled(cnp: try cnp(#"{"metadata":{"name":"no-spec"}}"#)))
    }

    @Test("a configured label replaces GitLab's")
    func customLabel() throws {
        let label = EnforcementLabel(key: "example.com/paused", value: "yes")
        let original = try cnp(#"{"spec":{"endpointSelector":{"matchLabels":{"network-policy.gitlab.com/disabled_by":"gitlab"}},"ingress":[{}]}}"#)
        #expect(Enforcement.isEnabled(cnp: original, label: label))
        let disabled = Enforcement.setEnabled(false, on: original, label: label)
        #expect(disabled[path: ["spec", "endpointSelector", "matchLabels", "example.com/paused"]] == "yes")
        #expect(!Enforcement.isEnabled(cnp: disabled, label: label))
        #expect(Enforcement.setEnabled(true, on: disabled, label: label) == original)
    }

    @Test("configured labels are checked")
    func labelProblems() {
        #expect(EnforcementLabel.gitlab.problem == nil)
        #expect(EnforcementLabel(key: "bad key", value: "x").problem?.hasPrefix("enforcement label key") == true)
        #expect(EnforcementLabel(key: "a/b", value: "").problem != nil)
        #expect(EnforcementLabel(key: "a/b", value: "no way").problem?.hasPrefix("enforcement label value") == true)
    }

    @Test("rendering YAML mode: enabled removes a disabled_by label the user wrote, disabled adds it everywhere")
    func renderYAMLMode() throws {
        let spec = try JSONParser.parse(#"{"cilium":{"specs":[{"endpointSelector":{"matchLabels":{"app":"a","network-policy.gitlab.com/disabled_by":"gitlab"}},"ingress":[{}]},{"endpointSelector":{"matchExpressions":[{"key":"x","operator":"Exists"}]},"egress":[{}]}]}}"#)
        let on = try Fixtures.render("p", spec)
        #expect(on.enabled && Enforcement.isEnabled(cnp: on.cnp))
        #expect(on.cnp[path: ["specs"]]?[0]?[path: ["endpointSelector", "matchLabels"]] == ["app": "a"])
        var offSpec = spec
        offSpec["enabled"] = false
        let off = try Fixtures.render("p", offSpec)
        #expect(!Enforcement.isEnabled(cnp: off.cnp))
        #expect(off.cnp["specs"]?[1]?[path: ["endpointSelector", "matchLabels", Self.key]] == "gitlab")
        #expect(off.cnp["specs"]?[1]?[path: ["endpointSelector", "matchExpressions"]] != nil)
        #expect(off.hash != on.hash)
    }
}
