import JSON

/// Compares a live CiliumNetworkPolicy with the desired one on the fields the
/// operator owns (spec/specs, its label and annotation, its ownerReference),
/// so the reconciler reverts hand edits and writes nothing when nothing changed.
public enum PolicyDrift {
    /// The owned fields that differ, as paths ("spec", "metadata.labels[app.kubernetes.io/managed-by]").
    /// Empty means: no write needed.
    public static func differences(live: JSONValue, desired: JSONValue) -> [String] {
        var out: [String] = []
        for key in ["spec", "specs"] where normalized(live[key]) != normalized(desired[key]) {
            out.append(key)
        }
        for (section, key) in ownedMetadata(desired) where live[path: ["metadata", section, key]] != desired[path: ["metadata", section, key]] {
            out.append("metadata.\(section)[\(key)]")
        }
        if let ref = desired[path: ["metadata", "ownerReferences"]]?[0], !hasOwnerReference(live, matching: ref) {
            out.append("metadata.ownerReferences")
        }
        return out
    }

    public static func isInSync(live: JSONValue, desired: JSONValue) -> Bool {
        differences(live: live, desired: desired).isEmpty
    }

    /// `live` with every owned field set from `desired`, everything else
    /// (resourceVersion, other labels and annotations, status) kept: the body
    /// of an update that reverts drift without trampling other writers.
    public static func reconciled(live: JSONValue, desired: JSONValue) -> JSONValue {
        var out = live
        for key in ["spec", "specs"] { out[key] = desired[key] }
        for (section, key) in ownedMetadata(desired) {
            let value = desired[path: ["metadata", section, key]]
            var map = out[path: ["metadata", section]]?.objectValue ?? JSONObject()
            map[key] = value
            out[path: ["metadata", section]] = map.isEmpty ? nil : .object(map)
        }
        if let ref = desired[path: ["metadata", "ownerReferences"]]?[0], !hasOwnerReference(live, matching: ref) {
            // Only one controller reference may exist; ours replaces any other one.
            var refs = (live[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter {
                $0["uid"] != ref["uid"] && $0["controller"]?.boolValue != true
            }
            refs.append(ref)
            out[path: ["metadata", "ownerReferences"]] = .array(refs)
        }
        return out
    }

    /// The uid of the ContainerNetworkPolicy controlling `cnp`, if one does.
    /// A live CNP whose controller is not the policy being reconciled is a
    /// Conflict unless the policy says `adopt: true`.
    public static func controllerUID(of cnp: JSONValue) -> String? {
        for ref in cnp[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
        where ref["controller"]?.boolValue == true && ref["kind"]?.stringValue == PolicyMetadata.policyKind {
            return ref["uid"]?.stringValue
        }
        return nil
    }

    /// Our label, and our annotation (compared also when desired lacks it, so
    /// turning alerts off removes it from the live object).
    static func ownedMetadata(_ desired: JSONValue) -> [(String, String)] {
        [("labels", PolicyMetadata.managedByKey), ("annotations", PolicyMetadata.alertAnnotation)]
    }

    static func hasOwnerReference(_ live: JSONValue, matching ref: JSONValue) -> Bool {
        (live[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).contains {
            $0["uid"] == ref["uid"] && $0["kind"] == ref["kind"] && $0["controller"]?.boolValue == true
        }
    }

    /// Applies the defaults the API server adds from Cilium's schema (ICMP
    /// family IPv4), so a defaulted live object does not look drifted.
    static func normalized(_ value: JSONValue?) -> JSONValue? {
        // An explicit null and an absent field are the same to the API server.
        guard let value, value != .null else { return nil }
        switch value {
        case .array(let rules): return .array(rules.map(normalizedRule))
        case .object: return normalizedRule(value)
        default: return value
        }
    }

    static func normalizedRule(_ rule: JSONValue) -> JSONValue {
        var out = rule
        for dir in ["ingress", "ingressDeny", "egress", "egressDeny"] {
            guard let items = rule[dir]?.arrayValue, items.contains(where: { $0["icmps"] != nil }) else { continue }
            out[dir] = .array(items.map { item in
                guard let icmps = item["icmps"]?.arrayValue else { return item }
                var copy = item
                copy["icmps"] = .array(icmps.map { icmp in
                    guard let fields = icmp["fields"]?.arrayValue else { return icmp }
                    var c = icmp
                    c["fields"] = .array(fields.map { f in
                        var g = f
                        if g["family"] == nil { g["family"] = "IPv4" }
                        return g
                    })
                    return c
                })
                return copy
            })
        }
        return out
    }
}
