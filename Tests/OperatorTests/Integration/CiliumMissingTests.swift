import JSON
import Kube
import Testing
import TestSupport

@Suite("Cilium's CRD missing: a condition and a backed-off retry, never a crash loop", .timeLimit(.minutes(2)))
struct CiliumMissingTests {
    @Test func conditionThenConvergenceOnceCiliumIsInstalled() async throws {
        try await Harness.with(cilium: false) { h in
            try await h.createPolicy("web", spec: Objects.webRules)
            let policy = try await h.waitForPolicy("web") { Harness.reason($0, "Ready") == "CiliumUnavailable" }
            #expect(Objects.condition(policy, "Ready")?["message"]?.stringValue?.contains("ciliumnetworkpolicies.cilium.io") == true)
            #expect(Objects.condition(policy, "Valid")?["status"] == "True")

            // Backoff, not a hot loop: over two seconds the retries stay few.
            let before = h.cluster.requestCount(verb: "get") + h.cluster.requestCount(verb: "list")
            try await Task.sleep(for: .seconds(2))
            let retries = h.cluster.requestCount(verb: "get") + h.cluster.requestCount(verb: "list") - before
            #expect(retries < 40, "\(retries) discovery/list requests in 2 s")
            // Status is not rewritten on every retry.
            let again = try #require(try await h.get(Harness.policies, "web"))
            #expect(again[path: ["metadata", "resourceVersion"]] == policy[path: ["metadata", "resourceVersion"]])

            _ = try await h.client.create(.customResourceDefinitions, namespace: nil, try CiliumSchema.crd())
            try await h.wait("CNP after Cilium's CRD appeared", timeout: .seconds(45),
                             { try await h.get(Harness.cnps, "web") }, until: { _ in true })
            try await h.waitForPolicy("web") { Harness.reason($0, "Ready") == "Deployed" }
        }
    }

    @Test func ciliumRemovedAtRuntimeIsReported() async throws {
        try await Harness.with { h in
            try await h.createPolicy("web", spec: Objects.webRules)
            try await h.waitForPolicy("web") { Harness.reason($0, "Ready") == "Deployed" }
            _ = try await h.client.delete(.customResourceDefinitions, namespace: nil, name: "ciliumnetworkpolicies.cilium.io")
            try await h.waitForPolicy("web") { Harness.reason($0, "Ready") == "CiliumUnavailable" }
        }
    }
}
