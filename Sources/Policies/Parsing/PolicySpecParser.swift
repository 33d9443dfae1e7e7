import JSON

/// Decodes and validates a ContainerNetworkPolicy `spec`. Every problem is
/// reported with its field path ("spec.rules[2].ports[0].port") and a fix.
public enum PolicySpecParser {
    static let specFields = ["enabled", "alert", "description", "adopt", "predefined", "podSelector", "rules",
                             "addDNSRule", "cilium"]
    static let sources = ["predefined", "rules", "cilium"]
    /// Bounds the work one object can cause and keeps CEL cost estimates finite.
    static let maxRules = 100
    static let maxPeers = 100
    static let maxDescriptionLength = 1024

    public static func parse(_ spec: JSONValue) -> Result<ContainerNetworkPolicySpec, ValidationErrors> {
        var issues = IssueCollector()
        guard let r = FieldReader(spec, at: "spec", issues: &issues) else { return .failure(ValidationErrors(issues.issues)) }
        r.rejectUnknown(specFields, issues: &issues)
        let enabled = r.bool("enabled", default: true, issues: &issues)
        let alert = r.bool("alert", default: false, issues: &issues)
        let adopt = r.bool("adopt", default: false, issues: &issues)
        let description = r.string("description", issues: &issues)
        if let d = description, d.utf8.count > maxDescriptionLength {
            issues.add("spec.description", "is \(d.utf8.count) bytes; shorten it to at most \(maxDescriptionLength)")
        }

        let given = sources.filter { r.has($0) }
        var source: PolicySource?
        if given.isEmpty {
            issues.add("spec", "no policy source; set exactly one of predefined, rules or cilium")
        } else if given.count > 1 {
            issues.add("spec", "more than one policy source (\(given.joined(separator: ", "))); set exactly one of predefined, rules or cilium")
        } else if given == ["predefined"] {
            source = parsePredefined(r, issues: &issues)
        } else if given == ["rules"] {
            source = RuleModeParser.parse(r, issues: &issues).map(PolicySource.rules)
        } else {
            source = parseCilium(r, issues: &issues)
        }
        if given != ["rules"] {
            for key in ["podSelector", "addDNSRule"] where r.has(key) {
                issues.add("spec.\(key)", "only applies to Rule mode (spec.rules); remove it")
            }
        }
        guard issues.isEmpty, let source else { return .failure(ValidationErrors(issues.issues)) }
        return .success(ContainerNetworkPolicySpec(enabled: enabled, alert: alert, description: description,
                                                   adopt: adopt, source: source))
    }

    static func parsePredefined(_ r: FieldReader, issues: inout IssueCollector) -> PolicySource? {
        guard let name = r.string("predefined", issues: &issues) else { return nil }
        guard PredefinedCatalog.policy(named: name) != nil else {
            issues.add("spec.predefined", "unknown predefined policy \"\(name)\"; use one of \(PredefinedCatalog.names.joined(separator: ", "))")
            return nil
        }
        return .predefined(name)
    }

    static func parseCilium(_ r: FieldReader, issues: inout IssueCollector) -> PolicySource? {
        let path = "spec.cilium"
        guard let value = r.object["cilium"], let c = FieldReader(value, at: path, issues: &issues) else { return nil }
        // A common paste: the whole CiliumNetworkPolicy instead of its spec.
        for key in ["apiVersion", "kind", "metadata"] where c.has(key) {
            issues.add(c.childPath(key), "paste only the CiliumNetworkPolicy's spec or specs here; name and namespace come from this ContainerNetworkPolicy")
        }
        c.rejectUnknown(["spec", "specs"], reported: ["apiVersion", "kind", "metadata"], issues: &issues)
        let spec = c.has("spec") ? c.object["spec"] : nil
        let specs = c.array("specs", issues: &issues)
        if spec == nil && specs == nil {
            issues.add(path, "empty policy; set spec (one Cilium rule) or specs (a list of rules) as in a CiliumNetworkPolicy")
            return nil
        }
        if let specs, specs.isEmpty, spec == nil {
            issues.add("\(path).specs", "empty list; add at least one rule or use spec")
        }
        if let spec { CiliumRuleValidator.validate(spec, at: "\(path).spec", issues: &issues) }
        for (i, rule) in (specs ?? []).enumerated() {
            CiliumRuleValidator.validate(rule, at: FieldPath.index("\(path).specs", i), issues: &issues)
        }
        return .cilium(spec: spec, specs: specs)
    }
}
