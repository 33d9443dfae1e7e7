import JSON
import Kube
import Policies
import Testing
import TestSupport

@Suite("Environment status against DevCluster: inventory and conflicts", .timeLimit(.minutes(2)))
struct EnvironmentInventoryTests {
    static func entry(_ env: JSONValue, _ name: String) -> JSONValue? {
        (env[path: ["status", "policyInventory", "policies"]]?.arrayValue ?? []).first { $0["name"]?.stringValue == name }
    }

    @Test func inventoryOfManagedAndUnmanagedPolicies() async throws {
        try await Harness.with { h in
            _ = try await h.client.create(Harness.cnps, namespace: "shop", Objects.cnp("legacy-on", app: "a", alert: true))
            _ = try await h.client.create(Harness.cnps, namespace: "shop", Objects.cnp("legacy-off", app: "b", disabled: true))
            try await h.createPolicy("web", spec: Objects.webRules)
            try await h.createPolicy("deny-in", spec: ["predefined": "deny-all-ingress", "enabled": false])
            _ = try await h.client.create(Harness.environments, namespace: "shop", Objects.environment("prod"))
            let env = try await h.wait("inventory", { try await h.get(Harness.environments, "prod") }) {
                $0[path: ["status", "policyInventory", "deployed"]] == 4
            }
            #expect(env[path: ["status", "policyInventory", "enabled"]] == 2)
            #expect(env[path: ["status", "policyInventory", "alerting"]] == 1)
            #expect(Self.entry(env, "web")?["managedBy"] == "web")
            #expect(Self.entry(env, "web")?["enabled"] == true)
            #expect(Self.entry(env, "deny-in")?["managed"] == true)
            #expect(Self.entry(env, "deny-in")?["enabled"] == false)
            #expect(Self.entry(env, "deny-in")?["predefined"] == "deny-all-ingress")
            #expect(Self.entry(env, "legacy-on")?["managed"] == false)
            #expect(Self.entry(env, "legacy-on")?["enabled"] == true)
            #expect(Self.entry(env, "legacy-on")?["alert"] == true)
            #expect(Self.entry(env, "legacy-off")?["enabled"] == false)
            // Catalog entries nobody deployed are listed as available and disabled.
            let available = try #require(Self.entry(env, "allow-dns-egress"))
            #expect(available["state"] == "Available")
            #expect(available["enabled"] == false)
            #expect(Self.entry(env, "deny-all-ingress") == nil)
            #expect(Objects.condition(env, "Ready")?["status"] == "True")
            #expect(Objects.condition(env, "Conflict")?["status"] == "False")

            // A change to an unmanaged CNP shows up too.
            var off = try #require(try await h.get(Harness.cnps, "legacy-on"))
            off[path: ["spec", "endpointSelector", "matchLabels", EnforcementLabel.gitlab.key]] = "gitlab"
            _ = try await h.client.update(Harness.cnps, namespace: "shop", off)
            try await h.wait("legacy-on disabled in inventory", { try await h.get(Harness.environments, "prod") }) {
                Self.entry($0, "legacy-on")?["enabled"] == false
            }
        }
    }

    @Test func secondEnvironmentReportsConflict() async throws {
        try await Harness.with { h in
            _ = try await h.client.create(Harness.environments, namespace: "shop", Objects.environment("first"))
            try await h.wait("first ready", { try await h.get(Harness.environments, "first") }) {
                Objects.condition($0, "Ready")?["status"] == "True"
            }
            // creationTimestamp has second precision: make sure the second one is younger.
            try await Task.sleep(for: .milliseconds(1100))
            _ = try await h.client.create(Harness.environments, namespace: "shop", Objects.environment("second"))
            let second = try await h.wait("second in conflict", { try await h.get(Harness.environments, "second") }) {
                Objects.condition($0, "Conflict")?["status"] == "True"
            }
            #expect(Objects.condition(second, "Ready")?["status"] == "False")
            #expect(Objects.condition(second, "Conflict")?["message"]?.stringValue?.contains("first") == true)
            let first = try #require(try await h.get(Harness.environments, "first"))
            #expect(Objects.condition(first, "Conflict")?["status"] == "False")
        }
    }
}
