import JSON

/// Checks one CiliumNetworkPolicy rule (a `spec` or an item of `specs`) the
/// way Cilium's schema and rule_validation.go do, so that a YAML-mode policy
/// is rejected here, with a path and a fix, rather than by the agent later.
enum CiliumRuleValidator {
    static let ruleFields = ["description", "egress", "egressDeny", "enableDefaultDeny", "endpointSelector",
                             "ingress", "ingressDeny", "labels", "log", "nodeSelector"]
    static let directions = ["ingress", "ingressDeny", "egress", "egressDeny"]

    static func validate(_ value: JSONValue, at path: String, issues: inout IssueCollector) {
        guard let r = FieldReader(value, at: path, issues: &issues) else { return }
        r.rejectUnknown(ruleFields, issues: &issues)
        switch (r.has("endpointSelector"), r.has("nodeSelector")) {
        case (false, false):
            issues.add(path, "no endpointSelector or nodeSelector; add endpointSelector: {} to select every pod of the namespace, or matchLabels to select some")
        case (true, true):
            issues.add(path, "both endpointSelector and nodeSelector are set; keep exactly one")
        default: break
        }
        for key in ["endpointSelector", "nodeSelector"] {
            if let s = r.object[key], s != .null { CiliumSelectorValidator.validate(s, at: r.childPath(key), issues: &issues) }
        }
        if !directions.contains(where: { r.has($0) }) {
            issues.add(path, "no rule direction; add at least one of ingress, ingressDeny, egress or egressDeny (ingress: [{}] denies all inbound traffic)")
        }
        for dir in directions {
            guard let items = r.array(dir, issues: &issues) else { continue }
            for (i, item) in items.enumerated() {
                CiliumPeerRuleValidator.validate(item, direction: dir, at: FieldPath.index(r.childPath(dir), i), issues: &issues)
            }
        }
        if let d = r.object["description"], d != .null, d.stringValue == nil {
            issues.add(r.childPath("description"), "expected a string, got \(d.typeName)")
        }
        if let log = r.objectValue("log", issues: &issues) {
            validateLog(log, at: r.childPath("log"), issues: &issues)
        }
        if let dd = r.objectValue("enableDefaultDeny", issues: &issues) {
            for (k, v) in dd {
                let p = FieldPath.child(r.childPath("enableDefaultDeny"), k)
                if k != "ingress" && k != "egress" { issues.add(p, "unknown field; allowed fields here are ingress, egress") }
                else if v.boolValue == nil { issues.add(p, "expected true or false, got \(v.typeName)") }
            }
        }
        if let labels = r.array("labels", issues: &issues) {
            for (i, l) in labels.enumerated() {
                let p = FieldPath.index(r.childPath("labels"), i)
                guard let lr = FieldReader(l, at: p, issues: &issues) else { continue }
                lr.rejectUnknown(["key", "value", "source"], issues: &issues)
                if lr.string("key", issues: &issues) == nil, !lr.has("key") { issues.add(lr.childPath("key"), "missing; every policy label needs a key") }
                _ = lr.string("value", issues: &issues)
                _ = lr.string("source", issues: &issues)
            }
        }
    }

    static func validateLog(_ log: JSONObject, at path: String, issues: inout IssueCollector) {
        for (k, v) in log {
            guard k == "value" else { issues.add(FieldPath.child(path, k), "unknown field; allowed fields here are value"); continue }
            guard let s = v.stringValue else { issues.add(FieldPath.child(path, k), "expected a string, got \(v.typeName)"); continue }
            if s.count > 32 { issues.add(FieldPath.child(path, k), "is \(s.count) characters; Cilium allows at most 32") }
            if s.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                issues.add(FieldPath.child(path, k), "contains control characters; use printable text")
            }
        }
    }
}
