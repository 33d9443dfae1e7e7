import JSON
import Policies

/// The pure half of the Environment reconciler: the namespace's policy
/// inventory and the Ready/Conflict conditions, from cached objects only.
enum EnvironmentPlanner {
    static let ready = "Ready"
    static let conflict = "Conflict"
    /// Status keys this reconciler owns; traffic and alerts belong to other controllers.
    static let ownedKeys = ["observedGeneration", "conditions", "policyInventory"]

    struct Plan: Equatable {
        var fields: JSONObject
        var conditions: [Condition]
    }

    /// - Parameters:
    ///   - environments: every Environment of the namespace, `environment` included.
    static func plan(environment: JSONValue, environments: [JSONValue], cnps: [JSONValue], policies: [JSONValue],
                     label: EnforcementLabel) -> Plan {
        let me = ObjectFacts(environment)
        var fields = JSONObject()
        fields["observedGeneration"] = .int(me.generation)
        if let owner = namespaceOwner(environments), owner.name != me.name {
            let message = "namespace \(me.namespace) is already monitored by Environment \(owner.name); only one Environment per namespace is used: delete this one or \(owner.name)"
            return Plan(fields: fields, conditions: [
                Condition(type: ready, status: .false, reason: "Conflict", message: message, observedGeneration: me.generation),
                Condition(type: conflict, status: .true, reason: "DuplicateEnvironment", message: message,
                          observedGeneration: me.generation),
            ])
        }
        let inventory = PolicyInventory.build(namespace: me.namespace, cnps: cnps, policies: policies, label: label)
        fields["policyInventory"] = inventory
        let deployed = inventory["deployed"]?.intValue ?? 0, enabled = inventory["enabled"]?.intValue ?? 0
        return Plan(fields: fields, conditions: [
            Condition(type: ready, status: .true, reason: "InventoryUpToDate",
                      message: "\(deployed) CiliumNetworkPolicies in namespace \(me.namespace), \(enabled) enforced",
                      observedGeneration: me.generation),
            Condition(type: conflict, status: .false, reason: "SingleEnvironment",
                      message: "this is the only Environment of namespace \(me.namespace)", observedGeneration: me.generation),
        ])
    }

    /// The Environment that owns the namespace when there are several: the oldest,
    /// then the first by name (a stable choice every replica makes alike).
    static func namespaceOwner(_ environments: [JSONValue]) -> ObjectFacts? {
        environments.lazy.map(ObjectFacts.init).filter { !$0.isDeleting }.min {
            ($0.creationTimestamp, $0.name) < ($1.creationTimestamp, $1.name)
        }
    }

    /// How many ContainerNetworkPolicies of the namespace are not reconciled yet (status
    /// not describing their generation, or a deployed one's CNP not cached): while
    /// some are, the inventory written now would change again at once.
    static func unsettledPolicies(policies: [JSONValue], cnps: [JSONValue]) -> Int {
        var cnpNames = Set<String>()
        for c in cnps { if let n = c[path: ["metadata", "name"]]?.stringValue { cnpNames.insert(n) } }
        var count = 0
        for p in policies {
            let f = ObjectFacts(p)
            if f.isDeleting { continue }
            guard p[path: ["status", "observedGeneration"]]?.intValue == f.generation else {
                count += 1
                continue
            }
            let ready = (p[path: ["status", "conditions"]]?.arrayValue ?? []).first { $0["type"]?.stringValue == PolicyConditions.ready }
            if ready?["status"]?.stringValue == "True", !cnpNames.contains(f.name) { count += 1 }
        }
        return count
    }
}
