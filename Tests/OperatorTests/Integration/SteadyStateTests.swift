import Foundation
import JSON
import Kube
import Testing
import TestSupport
import YAML

@Suite("Quiet steady state and the API calls the operator makes", .timeLimit(.minutes(2)))
struct SteadyStateTests {
    /// Converges the shop example, then idles: no write of any kind may happen.
    @Test func idleAfterConvergenceWritesNothing() async throws {
        try await Harness.with(namespaces: []) { h in
            try await h.cluster.apply(manifests: String(contentsOf: Harness.examples, encoding: .utf8))
            let env = try await h.wait("shop inventory", { try await h.get(Harness.environments, "shop") }) {
                $0[path: ["status", "policyInventory", "deployed"]] == 6
            }
            #expect(env[path: ["status", "policyInventory", "alerting"]] == 1)
            for name in ["default-deny-ingress", "frontend-inbound-http", "frontend-to-api", "api-to-database", "api-to-payments"] {
                try await h.waitForPolicy(name) { Harness.reason($0, "Ready") == "Deployed" }
            }
            // Let in-flight reconciles (own watch events) finish, then measure an idle stretch.
            try await Task.sleep(for: .seconds(1))
            let before = h.writeCount()
            try await Task.sleep(for: .seconds(3))
            #expect(h.writeCount() == before, "writes during an idle stretch")
        }
    }

    /// Every call the operator made is granted by deploy/base (ClusterRole + leader-election Role).
    @Test func recordedCallsAreGrantedByTheClusterRole() async throws {
        try await Harness.with(configure: { $0.manager.leaderElect = true; $0.manager.leaderElectionNamespace = "shop" }) { h in
            try await h.createPolicy("web", spec: Objects.webRules)
            try await h.createPolicy("bad", spec: ["rules": [["direction": "outbound", "cidrs": ["10.0.0.0/33"]]]])
            _ = try await h.client.create(Harness.environments, namespace: "shop", Objects.environment("prod"))
            let cnp = try await h.waitForCNP("web")
            var drifted = cnp
            drifted[path: ["spec", "ingress"]] = [["fromEntities": ["all"]]]
            _ = try await h.client.update(Harness.cnps, namespace: "shop", drifted)
            try await h.waitForCNP("web") { $0["spec"] == cnp["spec"] }
            try await h.wait("inventory", { try await h.get(Harness.environments, "prod") }) {
                $0[path: ["status", "policyInventory", "deployed"]] == 1
            }
            let granted = try Self.granted()
            let recorded = h.recorder.recorded
            let missing = recorded.filter { !granted.contains(Self.key($0)) }
            #expect(missing.isEmpty, "calls not granted by deploy/base: \(missing.map(\.description).sorted())")
            // The set this scenario exercises, so changes to it are deliberate.
            // Least privilege: nothing granted that the operator never uses, but for these,
            // which this scenario need not reach.
            let exceptions = [
                "patch events.k8s.io/events":
                    "series update when an Event repeats; each event fires once here (ControllerTests cover the recorder)",
                "update coordination.k8s.io/leases":
                    "lease renewal, due only after the retry period (LeaderElectionTests renew and hand over)",
            ]
            let unused = granted.subtracting(recorded.map(Self.key)).subtracting(exceptions.keys)
            #expect(unused.isEmpty, "granted by deploy/base but never used: \(unused.sorted())")
            let used = Set(recorded.map(\.description))
            for call in ["list threatmonitor.dev/containernetworkpolicies", "watch threatmonitor.dev/containernetworkpolicies",
                         "patch threatmonitor.dev/containernetworkpolicies/status", "patch threatmonitor.dev/environments/status",
                         "list cilium.io/ciliumnetworkpolicies", "watch cilium.io/ciliumnetworkpolicies",
                         "create cilium.io/ciliumnetworkpolicies", "update cilium.io/ciliumnetworkpolicies",
                         "create events.k8s.io/events", "get coordination.k8s.io/leases"] {
                #expect(used.contains(call), "expected the operator to \(call); it made: \(used.sorted())")
            }
        }
    }

    static func key(_ r: RecordedRequest) -> String {
        "\(r.verb) \(r.group)/\(r.resource)\(r.subresource.map { "/\($0)" } ?? "")"
    }

    /// "verb group/resource[/sub]" for every rule of the ClusterRole and the leader-election Role.
    static func granted() throws -> Set<String> {
        var out = Set<String>()
        for file in ["deploy/base/clusterrole.yaml", "deploy/base/role-leader-election.yaml"] {
            let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(file), encoding: .utf8)
            for doc in try YAML.parseAll(text) {
                for rule in doc["rules"]?.arrayValue ?? [] {
                    for g in rule["apiGroups"]?.arrayValue ?? [] {
                        for r in rule["resources"]?.arrayValue ?? [] {
                            for v in rule["verbs"]?.arrayValue ?? [] {
                                out.insert("\(v.stringValue ?? "") \(g.stringValue ?? "")/\(r.stringValue ?? "")")
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
