import JSON

/// GitLab's enforcement rule on any CiliumNetworkPolicy: disabled exactly when
/// a rule's selector (endpointSelector.matchLabels, or nodeSelector for host
/// policies; in `spec` and every item of `specs`) carries the label key.
public enum Enforcement {
    /// Whether `cnp` (a whole object with `spec`/`specs`) is enforced.
    public static func isEnabled(cnp: JSONValue, label: EnforcementLabel = .gitlab) -> Bool {
        !rules(of: cnp).contains { rule in
            guard let key = selectorKey(of: rule) else { return false }
            return rule[key]?["matchLabels"]?[label.key] != nil
        }
    }

    /// Returns `cnp` with the label added to (disable) or removed from (enable)
    /// the selector of every rule. Enabling drops a matchLabels left empty, so
    /// disable then enable gives back the original.
    public static func setEnabled(_ enabled: Bool, on cnp: JSONValue, label: EnforcementLabel = .gitlab) -> JSONValue {
        var out = cnp
        if let spec = cnp["spec"], case .object = spec {
            out["spec"] = setEnabled(enabled, onRule: spec, label: label)
        }
        if case .array(let specs)? = cnp["specs"] {
            out["specs"] = .array(specs.map { setEnabled(enabled, onRule: $0, label: label) })
        }
        return out
    }

    /// The same on one rule (a CNP `spec`).
    public static func setEnabled(_ enabled: Bool, onRule rule: JSONValue, label: EnforcementLabel = .gitlab) -> JSONValue {
        guard case .object(var r) = rule else { return rule }
        // A rule without any selector is invalid anyway; give it an endpointSelector when disabling.
        let key = selectorKey(of: rule) ?? "endpointSelector"
        var selector = r[key]?.objectValue ?? JSONObject()
        var labels = selector["matchLabels"]?.objectValue ?? JSONObject()
        if enabled {
            guard labels[label.key] != nil else { return rule }
            labels[label.key] = nil
            selector["matchLabels"] = labels.isEmpty ? nil : .object(labels)
        } else {
            labels[label.key] = .string(label.value)
            selector["matchLabels"] = .object(labels)
        }
        r[key] = .object(selector)
        return .object(r)
    }

    static func rules(of cnp: JSONValue) -> [JSONValue] {
        var out: [JSONValue] = []
        if let spec = cnp["spec"], case .object = spec { out.append(spec) }
        if case .array(let specs)? = cnp["specs"] { out.append(contentsOf: specs) }
        return out
    }

    static func selectorKey(of rule: JSONValue) -> String? {
        if let s = rule["endpointSelector"], s != .null { return "endpointSelector" }
        if let s = rule["nodeSelector"], s != .null { return "nodeSelector" }
        return nil
    }
}
