import JSON
import Policies
import Testing
@testable import Operator

@Suite("ContainerNetworkPolicy desired state (pure)")
struct PolicyPlannerTests {
    let options = OperatorOptions()

    func rendered(_ policy: JSONValue) throws -> JSONValue {
        let plan = PolicyPlanner.plan(policy: policy, live: nil, cilium: .available, options: options)
        guard case .create(let cnp)? = plan.write else {
            Issue.record("expected a create, got \(String(describing: plan.write))")
            throw PlanFailure()
        }
        return cnp
    }
    struct PlanFailure: Error {}

    @Test func absentCNPIsCreatedWithOwnerLabelAndStatus() throws {
        let policy = Objects.policy("web", spec: Objects.webRules)
        let plan = PolicyPlanner.plan(policy: policy, live: nil, cilium: .available, options: options)
        let cnp = try rendered(policy)
        #expect(cnp[path: ["metadata", "labels", "app.kubernetes.io/managed-by"]] == "threat-monitor")
        #expect(cnp[path: ["metadata", "ownerReferences"]]?[0]?["uid"] == "uid-1")
        #expect(cnp[path: ["metadata", "ownerReferences"]]?[0]?["controller"] == true)
        #expect(plan.fields["policyName"] == "web")
        #expect(plan.fields["mode"] == "Rules")
        #expect(plan.fields["enabled"] == true)
        #expect(plan.fields["alert"] == false)
        #expect(plan.fields["policyHash"]?.stringValue?.count == 64)
        #expect(plan.conditions.map(\.status) == [.true, .true])
        #expect(plan.event == nil)
    }

    @Test func inSyncCNPWritesNothing() throws {
        let policy = Objects.policy("web", spec: Objects.webRules)
        var live = try rendered(policy)
        live[path: ["metadata", "resourceVersion"]] = "7"
        live[path: ["metadata", "labels", "team"]] = "a"   // others' labels are not drift
        let plan = PolicyPlanner.plan(policy: policy, live: live, cilium: .available, options: options)
        #expect(plan.write == nil)
        #expect(plan.event == nil)
        #expect(plan.conditions.last?.reason == "Deployed")
    }

    @Test func handEditedSpecIsReverted() throws {
        let policy = Objects.policy("web", spec: Objects.webRules)
        let desired = try rendered(policy)
        var live = desired
        live[path: ["metadata", "resourceVersion"]] = "7"
        live["spec"]?["ingress"] = [["fromEntities": ["all"]]]
        let plan = PolicyPlanner.plan(policy: policy, live: live, cilium: .available, options: options)
        guard case .update(let body, let changed)? = plan.write else { Issue.record("no update"); return }
        #expect(changed == ["spec"])
        #expect(body["spec"] == desired["spec"])
        #expect(body[path: ["metadata", "resourceVersion"]] == "7")
        #expect(plan.event?.reason == "Updated")
        // With a status saying this very policy was deployed, the difference is a hand edit.
        let deployed = Objects.policy("web", spec: Objects.webRules, status: ["policyHash": .string(
            PolicyPlanner.plan(policy: policy, live: nil, cilium: .available, options: options).fields["policyHash"]?.stringValue ?? "")])
        #expect(PolicyPlanner.plan(policy: deployed, live: live, cilium: .available, options: options).event?.reason == "DriftReverted")
    }

    @Test func alertTogglesTheAnnotation() throws {
        var spec = Objects.webRules
        spec["alert"] = true
        let on = try rendered(Objects.policy("web", spec: spec))
        #expect(on[path: ["metadata", "annotations", "app.gitlab.com/alert"]] == "true")
        spec["alert"] = false
        var live = on
        live[path: ["metadata", "resourceVersion"]] = "3"
        let plan = PolicyPlanner.plan(policy: Objects.policy("web", spec: spec), live: live, cilium: .available, options: options)
        guard case .update(let body, _)? = plan.write else { Issue.record("no update"); return }
        #expect(body[path: ["metadata", "annotations", "app.gitlab.com/alert"]] == nil)
    }

    @Test func disabledUsesTheConfiguredLabel() throws {
        var opts = options
        opts.enforcementLabel = EnforcementLabel(key: "example.com/off", value: "yes")
        var spec = Objects.webRules
        spec["enabled"] = false
        let plan = PolicyPlanner.plan(policy: Objects.policy("web", spec: spec), live: nil, cilium: .available, options: opts)
        guard case .create(let cnp)? = plan.write else { Issue.record("no create"); return }
        #expect(cnp[path: ["spec", "endpointSelector", "matchLabels", "example.com/off"]] == "yes")
        #expect(cnp[path: ["spec", "endpointSelector", "matchLabels", "network-policy.gitlab.com/disabled_by"]] == nil)
        #expect(plan.fields["enabled"] == false)
    }

    @Test func dnsRuleFlagIsTheDefaultAndSpecWins() throws {
        let fqdn: JSONValue = ["rules": [["direction": "outbound", "fqdns": [["matchName": "api.stripe.com"]]]]]
        func egressCount(_ spec: JSONValue, dns: Bool) -> Int {
            var o = options
            o.dnsRule = dns
            let plan = PolicyPlanner.plan(policy: Objects.policy("p", spec: spec), live: nil, cilium: .available, options: o)
            guard case .create(let cnp)? = plan.write else { return -1 }
            return cnp[path: ["spec", "egress"]]?.arrayValue?.count ?? 0
        }
        let with = egressCount(fqdn, dns: true), without = egressCount(fqdn, dns: false)
        #expect(with == without + 1)
        var explicit = fqdn
        explicit["addDNSRule"] = true
        #expect(egressCount(explicit, dns: false) == with)
    }

    @Test func unownedCNPIsAConflictUntilAdopted() throws {
        let live = Objects.cnp("web")
        let policy = Objects.policy("web", spec: Objects.webRules)
        let plan = PolicyPlanner.plan(policy: policy, live: live, cilium: .available, options: options)
        #expect(plan.write == nil)
        #expect(plan.conditions.last?.reason == "Conflict")
        #expect(plan.conditions.last?.message.contains("spec.adopt: true") == true)
        #expect(plan.event?.type == .warning)
        #expect(plan.fields["policyHash"] == nil)

        var adopt = Objects.webRules
        adopt["adopt"] = true
        let adopted = PolicyPlanner.plan(policy: Objects.policy("web", spec: adopt), live: live, cilium: .available, options: options)
        guard case .update(let body, _)? = adopted.write else { Issue.record("no adoption"); return }
        #expect(body[path: ["metadata", "ownerReferences"]]?[0]?["uid"] == "uid-1")
        #expect(adopted.conditions.last?.reason == "Deployed")
    }

    @Test func cnpOwnedByAnotherUIDIsAConflict() throws {
        var live = try rendered(Objects.policy("web", uid: "old-uid", spec: Objects.webRules))
        live[path: ["metadata", "resourceVersion"]] = "1"
        let plan = PolicyPlanner.plan(policy: Objects.policy("web", spec: Objects.webRules), live: live,
                                      cilium: .available, options: options)
        #expect(plan.write == nil)
        #expect(plan.conditions.last?.reason == "Conflict")
    }

    @Test func missingCiliumSetsTheConditionAndRetries() {
        let plan = PolicyPlanner.plan(policy: Objects.policy("web", spec: Objects.webRules), live: nil, cilium: .missing,
                                      options: options)
        #expect(plan.write == nil)
        #expect(plan.retry)
        #expect(plan.conditions.last?.reason == "CiliumUnavailable")
        #expect(plan.conditions.last?.message.contains("ciliumnetworkpolicies.cilium.io") == true)
    }

    // MARK: Invalid input

    static let invalid: [(JSONValue, String)] = [
        (["predefined": "no-such-policy"], "spec.predefined"),
        (["rules": [["direction": "inbound", "entities": ["world"], "ports": [["port": 70000]]]]], "spec.rules[0].ports[0]"),
        (["rules": [["direction": "sideways", "entities": ["world"]]]], "spec.rules[0].direction"),
        (["cilium": ["spec": ["endpointSelector": [:], "ingress": [["fromCIDR": ["10.0.0.0/99"]]]]]], "spec"),
        ([:], "spec"),
    ]

    @Test(arguments: invalid)
    func invalidSpecWritesNothingAndSaysWhere(spec: JSONValue, path: String) {
        let plan = PolicyPlanner.plan(policy: Objects.policy("bad", spec: spec), live: nil, cilium: .available, options: options)
        #expect(plan.write == nil)
        #expect(plan.conditions.first?.type == "Valid")
        #expect(plan.conditions.first?.status == .false)
        #expect(plan.conditions.first?.message.contains(path) == true)
        #expect(plan.conditions.last?.reason == "NotDeployed")
        #expect(plan.event?.reason == "Invalid")
    }

    @Test func invalidAfterValidKeepsTheLastGoodPolicyAndItsStatus() throws {
        let good = Objects.policy("web", spec: Objects.webRules)
        var live = try rendered(good)
        live[path: ["metadata", "resourceVersion"]] = "4"
        let goodPlan = PolicyPlanner.plan(policy: good, live: live, cilium: .available, options: options)
        let status = StatusUpdate.compute(live: nil, ownedKeys: PolicyConditions.ownedKeys, fields: goodPlan.fields,
                                          conditions: goodPlan.conditions, now: "T1").status
        let bad = Objects.policy("web", generation: 2, spec: ["predefined": "nope"], status: status)
        let plan = PolicyPlanner.plan(policy: bad, live: live, cilium: .available, options: options)
        #expect(plan.write == nil)
        #expect(plan.conditions.last?.reason == "LastValidPolicyKept")
        #expect(plan.fields["policyHash"] == goodPlan.fields["policyHash"])
        #expect(plan.fields["observedGeneration"] == 2)
    }
}
