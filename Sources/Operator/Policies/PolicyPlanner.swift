import Controller
import JSON
import Policies

/// Cilium's CiliumNetworkPolicy CRD as discovery last saw it.
enum CiliumState: Sendable, Equatable {
    case available
    case missing
}

/// The pure half of the ContainerNetworkPolicy reconciler: from the object,
/// the live CiliumNetworkPolicy of the same name and Cilium's presence, what to
/// write and what the status says. Unit-tested without a server.
enum PolicyPlanner {
    static func plan(policy: JSONValue, live: JSONValue?, cilium: CiliumState, options: OperatorOptions) -> PolicyPlan {
        let meta = ObjectFacts(policy)
        let generation = meta.generation
        switch render(policy: policy, meta: meta, options: options) {
        case .failure(let errors):
            return invalidPlan(policy: policy, meta: meta, live: live, errors: errors)
        case .success(let (spec, rendered)):
            var fields = JSONObject()
            fields["observedGeneration"] = .int(generation)
            fields["mode"] = .string(rendered.mode.rawValue)
            fields["enabled"] = .bool(rendered.enabled)
            fields["alert"] = .bool(spec.alert)
            fields["summary"] = .string(rendered.summary)
            if !rendered.warnings.isEmpty {
                fields["warnings"] = .array(rendered.warnings.prefix(32).map { .string($0.description) })
            }
            fields["policyName"] = .string(meta.name)
            let validMessage = rendered.warnings.isEmpty
                ? "the spec is valid"
                : "the spec is valid, with \(rendered.warnings.count) warning(s) in status.warnings"
            let valid = Condition(type: PolicyConditions.valid, status: .true, reason: PolicyConditions.Reason.valid,
                                  message: validMessage, observedGeneration: generation)
            let cnpRef = "CiliumNetworkPolicy \(meta.namespace)/\(meta.name)"

            guard cilium == .available else {
                let message = "the CiliumNetworkPolicy CRD (ciliumnetworkpolicies.cilium.io/v2) is not installed: install Cilium in this cluster; the operator retries with backoff"
                return PolicyPlan(write: nil, fields: fields, conditions: [
                    valid,
                    Condition(type: PolicyConditions.ready, status: .false, reason: PolicyConditions.Reason.ciliumUnavailable,
                              message: message, observedGeneration: generation),
                ], event: .init(type: .warning, reason: PolicyConditions.Reason.ciliumUnavailable, note: message), retry: true)
            }

            let deployed = Condition(type: PolicyConditions.ready, status: .true, reason: PolicyConditions.Reason.deployed,
                                     message: "\(cnpRef) is deployed as specified", observedGeneration: generation)
            var deployedFields = fields
            deployedFields["policyHash"] = .string(rendered.hash)

            guard let live else {
                // No Event for a plain create: status says Deployed, and at scale an Event
                // per policy would double the writes of a cold start.
                return PolicyPlan(write: .create(rendered.cnp), fields: deployedFields, conditions: [valid, deployed],
                                  event: nil, retry: false)
            }
            if !isControlled(live, by: meta.uid) {
                guard spec.adopt else {
                    let message = "\(cnpRef) exists and is not managed by this ContainerNetworkPolicy, so it is left untouched: set spec.adopt: true to take it over, or rename this policy"
                    return PolicyPlan(write: nil, fields: fields, conditions: [
                        valid,
                        Condition(type: PolicyConditions.ready, status: .false, reason: PolicyConditions.Reason.conflict,
                                  message: message, observedGeneration: generation),
                    ], event: .init(type: .warning, reason: PolicyConditions.Reason.conflict, note: message), retry: false)
                }
                return PolicyPlan(write: .update(PolicyDrift.reconciled(live: live, desired: rendered.cnp), changed: ["adopted"]),
                                  fields: deployedFields, conditions: [valid, deployed],
                                  event: .init(type: .normal, reason: "Adopted", note: "took over \(cnpRef) (spec.adopt: true)"),
                                  retry: false)
            }
            let changed = PolicyDrift.differences(live: live, desired: rendered.cnp)
            guard !changed.isEmpty else {
                return PolicyPlan(write: nil, fields: deployedFields, conditions: [valid, deployed], event: nil, retry: false)
            }
            // Same desired policy as last deployed: someone edited the CNP by hand.
            let drift = policy[path: ["status", "policyHash"]]?.stringValue == rendered.hash
            let event = drift
                ? PolicyPlan.Event(type: .normal, reason: "DriftReverted",
                                   note: "reverted hand edits of \(cnpRef): \(changed.joined(separator: ", "))")
                : PolicyPlan.Event(type: .normal, reason: "Updated", note: "updated \(cnpRef): \(changed.joined(separator: ", "))")
            return PolicyPlan(write: .update(PolicyDrift.reconciled(live: live, desired: rendered.cnp), changed: changed),
                              fields: deployedFields, conditions: [valid, deployed], event: event, retry: false)
        }
    }

    /// Parses with the operator's defaults (`--dns-rule`) and renders.
    static func render(policy: JSONValue, meta: ObjectFacts, options: OperatorOptions)
        -> Result<(ContainerNetworkPolicySpec, RenderedPolicy), ValidationErrors> {
        let raw = policy["spec"] ?? .object(JSONObject())
        return PolicySpecParser.parse(raw).flatMap { parsed in
            var spec = parsed
            if case .rules(var rules) = spec.source, raw["addDNSRule"] == nil {
                rules.addDNSRule = options.dnsRule
                spec.source = .rules(rules)
            }
            return PolicyCompiler.render(name: meta.name, namespace: meta.namespace, uid: meta.uid, spec: spec,
                                         options: options.renderOptions).map { (spec, $0) }
        }
    }

    /// Invalid input never reaches the cluster: the last good CNP (if ours) stays,
    /// and the status keeps describing it.
    static func invalidPlan(policy: JSONValue, meta: ObjectFacts, live: JSONValue?, errors: ValidationErrors) -> PolicyPlan {
        let message = String(errors.description.prefix(8192))
        var fields = JSONObject()
        fields["observedGeneration"] = .int(meta.generation)
        let ready: Condition
        if let live, isControlled(live, by: meta.uid) {
            // The deployed policy is still what the previous status described.
            for key in ["mode", "enabled", "alert", "summary", "warnings", "policyName", "policyHash"] {
                fields[key] = policy[path: ["status", key]]
            }
            ready = Condition(type: PolicyConditions.ready, status: .false, reason: PolicyConditions.Reason.lastGoodKept,
                              message: "the spec is invalid, so the last valid CiliumNetworkPolicy \(meta.namespace)/\(meta.name) stays deployed unchanged; fix the spec to update it",
                              observedGeneration: meta.generation)
        } else {
            ready = Condition(type: PolicyConditions.ready, status: .false, reason: PolicyConditions.Reason.notDeployed,
                              message: "nothing is deployed until the spec is valid", observedGeneration: meta.generation)
        }
        let valid = Condition(type: PolicyConditions.valid, status: .false, reason: PolicyConditions.Reason.invalid,
                              message: message, observedGeneration: meta.generation)
        return PolicyPlan(write: nil, fields: fields, conditions: [valid, ready],
                          event: .init(type: .warning, reason: PolicyConditions.Reason.invalid, note: message), retry: false)
    }

    /// Whether `cnp` has a controller ownerReference to the object with `uid`.
    static func isControlled(_ cnp: JSONValue, by uid: String) -> Bool {
        (cnp[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).contains {
            $0["controller"]?.boolValue == true && $0["uid"]?.stringValue == uid && !uid.isEmpty
        }
    }
}
