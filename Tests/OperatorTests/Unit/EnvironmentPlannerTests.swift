import JSON
import Policies
import Testing
@testable import Operator

@Suite("Environment status (pure): inventory, conflicts, settling")
struct EnvironmentPlannerTests {
    @Test func inventoryListsManagedUnmanagedAndCatalog() throws {
        var managed = Objects.cnp("web", app: "web")
        managed[path: ["metadata", "ownerReferences"]] = [PolicyCompiler.ownerReference(name: "web", uid: "u")]
        let cnps = [managed, Objects.cnp("legacy-on", app: "a", alert: true), Objects.cnp("legacy-off", app: "b", disabled: true)]
        let env = Objects.environment("prod")
        let plan = EnvironmentPlanner.plan(environment: env, environments: [env], cnps: cnps,
                                           policies: [Objects.policy("web", spec: Objects.webRules)], label: .gitlab)
        let inv = try #require(plan.fields["policyInventory"])
        #expect(inv["deployed"] == 3)
        #expect(inv["enabled"] == 2)
        #expect(inv["alerting"] == 1)
        #expect(inv["available"] == .int(Int64(PredefinedCatalog.all.count)))
        let entries = inv["policies"]?.arrayValue ?? []
        let byName = Dictionary(entries.map { ($0["name"]?.stringValue ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["web"]?["managedBy"] == "web")
        #expect(byName["legacy-on"]?["managed"] == false)
        #expect(byName["legacy-on"]?["enabled"] == true)
        #expect(byName["legacy-off"]?["enabled"] == false)
        #expect(byName["deny-all-ingress"]?["state"] == "Available")
        #expect(byName["deny-all-ingress"]?["enabled"] == false)
        #expect(plan.conditions.map(\.type) == ["Ready", "Conflict"])
        #expect(plan.conditions.map(\.status) == [.true, .false])
    }

    @Test func secondEnvironmentInANamespaceIsAConflict() {
        let first = Objects.environment("a-first", created: "2026-01-01T00:00:00Z")
        let second = Objects.environment("b-second", created: "2026-01-02T00:00:00Z")
        let both = [second, first]
        let loser = EnvironmentPlanner.plan(environment: second, environments: both, cnps: [], policies: [], label: .gitlab)
        #expect(loser.conditions.map(\.status) == [.false, .true])
        #expect(loser.conditions.last?.message.contains("a-first") == true)
        #expect(loser.fields["policyInventory"] == nil)
        let winner = EnvironmentPlanner.plan(environment: first, environments: both, cnps: [], policies: [], label: .gitlab)
        #expect(winner.conditions.map(\.status) == [.true, .false])
    }

    @Test func sameCreationTimeIsDecidedByName() {
        let a = Objects.environment("a"), b = Objects.environment("b")
        #expect(EnvironmentPlanner.namespaceOwner([b, a])?.name == "a")
    }

    // MARK: Settling

    @Test func unreconciledPolicyIsNotSettled() {
        #expect(EnvironmentPlanner.unsettledPolicies(policies: [Objects.policy("web", spec: Objects.webRules)], cnps: []) == 1)
    }

    @Test func readyPolicyWithoutCachedCNPIsNotSettled() {
        let status: JSONValue = ["observedGeneration": 1, "conditions": [["type": "Ready", "status": "True"]]]
        let p = Objects.policy("web", spec: Objects.webRules, status: status)
        #expect(EnvironmentPlanner.unsettledPolicies(policies: [p], cnps: []) == 1)
        #expect(EnvironmentPlanner.unsettledPolicies(policies: [p], cnps: [Objects.cnp("web")]) == 0)
    }

    @Test func invalidPolicyIsSettledWithoutCNP() {
        let status: JSONValue = ["observedGeneration": 1, "conditions": [["type": "Ready", "status": "False"]]]
        #expect(EnvironmentPlanner.unsettledPolicies(policies: [Objects.policy("bad", spec: [:], status: status)], cnps: []) == 0)
    }
}
