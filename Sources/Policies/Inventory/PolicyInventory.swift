import JSON

/// The namespace's "Policy tab" for Environment status: every CNP (managed or
/// not) with its enforcement and alert state, ContainerNetworkPolicies not yet
/// deployed, and the catalog policies nobody deployed ("available, disabled").
public enum PolicyInventory {
    /// `state` of an inventory entry.
    public enum State: String, Sendable, CaseIterable {
        /// A CiliumNetworkPolicy exists in the namespace.
        case deployed = "Deployed"
        /// A ContainerNetworkPolicy exists, its CNP does not (yet).
        case pending = "Pending"
        /// A catalog policy no one deployed.
        case available = "Available"
    }

    /// - Parameters:
    ///   - cnps: CiliumNetworkPolicy objects as listed (others' namespaces are ignored).
    ///   - policies: ContainerNetworkPolicy objects as listed.
    /// - Returns: `{deployed, enabled, alerting, available, policies: [...]}`, entries sorted by name.
    public static func build(namespace: String, cnps: [JSONValue], policies: [JSONValue],
                             label: EnforcementLabel = .gitlab) -> JSONValue {
        func inNamespace(_ o: JSONValue) -> Bool {
            let ns = o[path: ["metadata", "namespace"]]?.stringValue
            return ns == nil || ns == namespace
        }
        let cnps = cnps.filter(inNamespace)
        let policies = policies.filter(inNamespace)
        var policyByName: [String: JSONValue] = [:]
        for p in policies { if let n = name(p) { policyByName[n] = p } }

        var entries: [(String, JSONValue)] = []
        var deployedNames = Set<String>()
        var usedCatalog = Set<String>()
        var enabledCount = 0, alertCount = 0
        for cnp in cnps {
            guard let n = name(cnp) else { continue }
            deployedNames.insert(n)
            let enabled = Enforcement.isEnabled(cnp: cnp, label: label)
            let alert = cnp[path: ["metadata", "annotations", PolicyMetadata.alertAnnotation]]?.stringValue == "true"
            if enabled { enabledCount += 1 }
            if alert { alertCount += 1 }
            var e: JSONValue = ["name": .string(n), "state": .string(State.deployed.rawValue), "enabled": .bool(enabled),
                                "alert": .bool(alert)]
            if let owner = controllerOwner(cnp) {
                e["managed"] = true
                e["managedBy"] = .string(owner)
                if let p = policyByName[owner]?[path: ["spec", "predefined"]]?.stringValue { e["predefined"] = .string(p) }
            } else {
                e["managed"] = false
            }
            e["summary"] = .string(PolicySummary.describe(cnp: cnp, label: label))
            entries.append((n, e))
        }
        for p in policies {
            if let pre = p[path: ["spec", "predefined"]]?.stringValue { usedCatalog.insert(pre) }
            guard let n = name(p), !deployedNames.contains(n) else { continue }
            var e: JSONValue = ["name": .string(n), "state": .string(State.pending.rawValue),
                                "enabled": .bool(p[path: ["spec", "enabled"]]?.boolValue ?? true),
                                "alert": .bool(p[path: ["spec", "alert"]]?.boolValue ?? false),
                                "managed": true, "managedBy": .string(n)]
            if let pre = p[path: ["spec", "predefined"]]?.stringValue { e["predefined"] = .string(pre) }
            entries.append((n, e))
        }
        var available = 0
        for c in PredefinedCatalog.all where !deployedNames.contains(c.name) && !usedCatalog.contains(c.name)
            && policyByName[c.name] == nil {
            available += 1
            entries.append((c.name, [
                "name": .string(c.name), "state": .string(State.available.rawValue), "enabled": false, "alert": false,
                "managed": false, "predefined": .string(c.name), "description": .string(c.description),
            ]))
        }
        entries.sort { $0.0 < $1.0 }
        return [
            "deployed": .int(Int64(deployedNames.count)), "enabled": .int(Int64(enabledCount)),
            "alerting": .int(Int64(alertCount)), "available": .int(Int64(available)),
            "policies": .array(entries.map(\.1)),
        ]
    }

    static func name(_ o: JSONValue) -> String? { o[path: ["metadata", "name"]]?.stringValue }

    /// The ContainerNetworkPolicy controlling `cnp`, by name, if any.
    static func controllerOwner(_ cnp: JSONValue) -> String? {
        for ref in cnp[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [] {
            guard ref["controller"]?.boolValue == true, ref["kind"]?.stringValue == PolicyMetadata.policyKind,
                  ref["apiVersion"]?.stringValue?.hasPrefix(PolicyMetadata.group + "/") == true
            else { continue }
            return ref["name"]?.stringValue
        }
        return nil
    }
}
