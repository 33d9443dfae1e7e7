import JSON
import Kube
import Policies
import Testing
import TestSupport

@Suite("ContainerNetworkPolicy against DevCluster: create, enforce, alert, drift, conflict, delete", .timeLimit(.minutes(2)))
struct PolicyLifecycleTests {
    static let disabledKey = EnforcementLabel.gitlab.key

    @Test func predefinedPolicyIsDeployedOwnedAndReported() async throws {
        try await Harness.with { h in
            try await h.createPolicy("deny-in", spec: ["predefined": "deny-all-ingress"])
            let cnp = try await h.waitForCNP("deny-in")
            #expect(cnp[path: ["metadata", "labels", "app.kubernetes.io/managed-by"]] == "threat-monitor")
            #expect(cnp[path: ["metadata", "ownerReferences"]]?[0]?["kind"] == "ContainerNetworkPolicy")
            let policy = try await h.waitForPolicy("deny-in") { Harness.reason($0, "Ready") == "Deployed" }
            #expect(policy[path: ["status", "mode"]] == "Predefined")
            #expect(policy[path: ["status", "policyName"]] == "deny-in")
            #expect(policy[path: ["status", "observedGeneration"]] == policy[path: ["metadata", "generation"]])
            #expect(Objects.condition(policy, "Valid")?["status"] == "True")
        }
    }

    @Test func enableDisableRoundTripInRuleMode() async throws {
        try await Harness.with { h in
            try await h.createPolicy("web", spec: Objects.webRules)
            let original = try await h.waitForCNP("web")
            try await h.patchPolicy("web", spec: ["enabled": false])
            let disabled = try await h.waitForCNP("web") {
                $0[path: ["spec", "endpointSelector", "matchLabels", Self.disabledKey]] == "gitlab"
            }
            #expect(disabled[path: ["spec", "endpointSelector", "matchLabels", "app"]] == "web")
            try await h.waitForPolicy("web") { $0[path: ["status", "enabled"]] == false }
            try await h.patchPolicy("web", spec: ["enabled": true])
            let enabled = try await h.waitForCNP("web") {
                $0[path: ["spec", "endpointSelector", "matchLabels", Self.disabledKey]] == nil
            }
            #expect(enabled["spec"] == original["spec"])
        }
    }

    @Test func enableDisableRoundTripInYAMLModeWithSpecs() async throws {
        try await Harness.with { h in
            try await h.createPolicy("api", spec: Objects.yamlSpecs)
            let original = try await h.waitForCNP("api")
            try await h.patchPolicy("api", spec: ["enabled": false])
            let disabled = try await h.waitForCNP("api") {
                $0[path: ["specs"]]?[0]?[path: ["endpointSelector", "matchLabels", Self.disabledKey]] == "gitlab"
            }
            let specs = disabled["specs"]?.arrayValue ?? []
            #expect(specs.count == 2)
            #expect(specs.first?[path: ["endpointSelector", "matchExpressions"]]?.arrayValue?.count == 1)
            #expect(specs.first?[path: ["endpointSelector", "matchLabels", "app"]] == "api")
            #expect(specs.last?[path: ["nodeSelector", "matchLabels", Self.disabledKey]] == "gitlab")
            #expect(specs.last?[path: ["nodeSelector", "matchLabels", "node-role"]] == "edge")
            try await h.patchPolicy("api", spec: ["enabled": true])
            let enabled = try await h.waitForCNP("api") {
                $0[path: ["specs"]]?[0]?[path: ["endpointSelector", "matchLabels", Self.disabledKey]] == nil
                    && $0[path: ["specs"]]?[1]?[path: ["nodeSelector", "matchLabels", Self.disabledKey]] == nil
            }
            #expect(enabled["specs"] == original["specs"])
        }
    }

    @Test func enableDisableRoundTripInYAMLModeWithSpec() async throws {
        try await Harness.with { h in
            let spec: JSONValue = ["cilium": ["spec": [
                "endpointSelector": ["matchExpressions": [["key": "app", "operator": "Exists"]]],
                "egress": [["toEntities": ["world"]]],
            ]], "enabled": false]
            try await h.createPolicy("egress", spec: spec)
            let disabled = try await h.waitForCNP("egress")
            #expect(disabled[path: ["spec", "endpointSelector", "matchLabels", Self.disabledKey]] == "gitlab")
            #expect(disabled[path: ["spec", "endpointSelector", "matchExpressions"]]?.arrayValue?.count == 1)
            try await h.patchPolicy("egress", spec: ["enabled": true])
            let enabled = try await h.waitForCNP("egress") { $0[path: ["spec", "endpointSelector", "matchLabels"]] == nil }
            #expect(enabled[path: ["spec", "endpointSelector", "matchExpressions"]]?.arrayValue?.count == 1)
        }
    }

    @Test func alertAnnotationOnAndOff() async throws {
        try await Harness.with { h in
            var spec = Objects.webRules
            spec["alert"] = true
            try await h.createPolicy("web", spec: spec)
            try await h.waitForCNP("web") { $0[path: ["metadata", "annotations", "app.gitlab.com/alert"]] == "true" }
            try await h.patchPolicy("web", spec: ["alert": false])
            try await h.waitForCNP("web") { $0[path: ["metadata", "annotations", "app.gitlab.com/alert"]] == nil }
            try await h.waitForPolicy("web") { $0[path: ["status", "alert"]] == false }
        }
    }

    @Test func manualEditsAreReverted() async throws {
        try await Harness.with { h in
            try await h.createPolicy("web", spec: Objects.webRules)
            let original = try await h.waitForCNP("web")
            var edited = original
            edited[path: ["spec", "ingress"]] = [["fromEntities": ["all"]]]
            edited[path: ["metadata", "labels", "team"]] = "payments"
            _ = try await h.client.update(Harness.cnps, namespace: "shop", edited)
            let reverted = try await h.waitForCNP("web") {
                $0["spec"] == original["spec"] && $0[path: ["metadata", "resourceVersion"]] != edited[path: ["metadata", "resourceVersion"]]
            }
            // Others' labels are not ours to remove.
            #expect(reverted[path: ["metadata", "labels", "team"]] == "payments")
            let told = try await eventually(timeout: .seconds(10)) {
                try await h.client.list(.events, namespace: "shop").items.contains { $0["reason"] == "DriftReverted" }
            }
            #expect(told)
        }
    }

    @Test func deletedCNPIsRecreated() async throws {
        try await Harness.with { h in
            try await h.createPolicy("web", spec: Objects.webRules)
            let first = try await h.waitForCNP("web")
            _ = try await h.client.delete(Harness.cnps, namespace: "shop", name: "web")
            try await h.waitForCNP("web") { $0[path: ["metadata", "uid"]] != first[path: ["metadata", "uid"]] }
        }
    }

    @Test func unmanagedCNPIsAConflictUntilAdopted() async throws {
        try await Harness.with { h in
            let foreign = try await h.client.create(Harness.cnps, namespace: "shop", Objects.cnp("web"))
            try await h.createPolicy("web", spec: Objects.webRules)
            try await h.waitForPolicy("web") { Harness.reason($0, "Ready") == "Conflict" }
            let untouched = try #require(try await h.get(Harness.cnps, "web"))
            #expect(untouched[path: ["metadata", "resourceVersion"]] == foreign[path: ["metadata", "resourceVersion"]])
            try await h.patchPolicy("web", spec: ["adopt": true])
            let adopted = try await h.waitForCNP("web") { $0[path: ["metadata", "ownerReferences"]] != nil }
            #expect(adopted[path: ["metadata", "labels", "app.kubernetes.io/managed-by"]] == "threat-monitor")
            try await h.waitForPolicy("web") { Harness.reason($0, "Ready") == "Deployed" }
        }
    }

    @Test func deletingThePolicyGarbageCollectsTheCNP() async throws {
        try await Harness.with { h in
            try await h.createPolicy("web", spec: Objects.webRules)
            try await h.waitForCNP("web")
            _ = try await h.client.delete(Harness.policies, namespace: "shop", name: "web")
            let gone = try await eventually(timeout: .seconds(10)) { try await h.get(Harness.cnps, "web") == nil }
            #expect(gone)
        }
    }

    @Test func invalidAfterValidKeepsTheLastGoodCNPAndWarns() async throws {
        try await Harness.with { h in
            try await h.createPolicy("web", spec: Objects.webRules)
            let good = try await h.waitForCNP("web")
            // Valid for the CRD schema, invalid for Cilium: a CIDR prefix out of range.
            _ = try await h.client.patch(Harness.policies, namespace: "shop", name: "web",
                                     .merge(["spec": ["rules": [["direction": "outbound", "cidrs": ["10.0.0.0/33"]]]]]))
            let policy = try await h.waitForPolicy("web") { Harness.reason($0, "Ready") == "LastValidPolicyKept" }
            #expect(Objects.condition(policy, "Valid")?["status"] == "False")
            #expect(Objects.condition(policy, "Valid")?["message"]?.stringValue?.contains("spec.rules[0]") == true)
            let still = try #require(try await h.get(Harness.cnps, "web"))
            #expect(still[path: ["metadata", "resourceVersion"]] == good[path: ["metadata", "resourceVersion"]])
            let warned = try await eventually(timeout: .seconds(10)) {
                let events = try await h.client.list(.events, namespace: "shop").items
                return events.contains { $0["reason"] == "Invalid" && $0["type"] == "Warning" }
            }
            #expect(warned)
        }
    }
}
