import JSON
import Kube
import Testing
import TestSupport

@Suite("--namespace restricts what the operator manages", .timeLimit(.minutes(2)))
struct NamespaceScopeTests {
    @Test func policiesElsewhereAreLeftAlone() async throws {
        try await Harness.with(namespaces: ["shop", "other"], configure: { $0.namespace = "shop" }) { h in
            try await h.createPolicy("web", namespace: "other", spec: Objects.webRules)
            try await h.createPolicy("web", namespace: "shop", spec: Objects.webRules)
            // Created after the other one: once it is done, the other would have been too.
            try await h.waitForPolicy("web", namespace: "shop") { Harness.reason($0, "Ready") == "Deployed" }
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await h.get(Harness.cnps, "web", namespace: "other") == nil)
            let other = try #require(try await h.get(Harness.policies, "web", namespace: "other"))
            #expect(other["status"] == nil)
        }
    }
}
