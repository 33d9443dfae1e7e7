import DevCluster
import JSON
import Kube
@testable import Operator
import Testing
import TestSupport

@Suite("A rendered CNP the API server refuses", .timeLimit(.minutes(2)))
struct RejectedPolicyTests {
    /// A Cilium CRD stricter than ours (descriptions of at most 3 characters) stands in
    /// for a cluster whose Cilium version validates something we do not.
    static let strictCRD: JSONValue = {
        var crd = StandInCiliumCRD.definition
        crd[path: ["spec", "versions"]] = [[
            "name": "v2", "served": true, "storage": true,
            "schema": ["openAPIV3Schema": [
                "type": "object",
                "properties": ["spec": ["type": "object", "x-kubernetes-preserve-unknown-fields": true,
                                        "properties": ["description": ["type": "string", "maxLength": 3]]]],
            ]],
        ]]
        return crd
    }()

    @Test func rejectionIsReportedNotRetriedHot() async throws {
        try await Harness.with(cilium: false) { h in
            _ = try await h.client.create(.customResourceDefinitions, namespace: nil, Self.strictCRD)
            var spec = Objects.webRules
            spec["description"] = "far longer than three characters"
            try await h.createPolicy("web", spec: spec)
            let policy = try await h.waitForPolicy("web") { Harness.reason($0, "Ready") == "Rejected" }
            #expect(Objects.condition(policy, "Ready")?["message"]?.stringValue?.contains("description") == true)
            #expect(policy[path: ["status", "policyHash"]] == nil)
            #expect(try await h.get(Harness.cnps, "web") == nil)
            // Fixing the spec deploys it.
            try await h.patchPolicy("web", spec: ["description": "ok"])
            try await h.waitForCNP("web")
            try await h.waitForPolicy("web") { Harness.reason($0, "Ready") == "Deployed" }
        }
    }
}
