import JSON

/// Label selectors (endpointSelector, nodeSelector, from/toEndpoints items):
/// valid Kubernetes selectors with Cilium's optional source prefix on keys.
enum CiliumSelectorValidator {
    static let operators = ["In", "NotIn", "Exists", "DoesNotExist"]

    static func validate(_ value: JSONValue, at path: String, issues: inout IssueCollector) {
        guard let r = FieldReader(value, at: path, issues: &issues) else { return }
        r.rejectUnknown(["matchLabels", "matchExpressions"], issues: &issues)
        if let labels = r.objectValue("matchLabels", issues: &issues) {
            _ = LabelMapReader.read(labels, at: r.childPath("matchLabels"), issues: &issues)
        }
        guard let exprs = r.array("matchExpressions", issues: &issues) else { return }
        for (i, e) in exprs.enumerated() {
            let p = FieldPath.index(r.childPath("matchExpressions"), i)
            guard let er = FieldReader(e, at: p, issues: &issues) else { continue }
            er.rejectUnknown(["key", "operator", "values"], issues: &issues)
            if let key = er.string("key", issues: &issues) {
                if let problem = LabelSyntax.keyProblem(key) { issues.add(er.childPath("key"), problem) }
            } else if !er.has("key") {
                issues.add(er.childPath("key"), "missing; name the label key to test")
            }
            let op = er.string("operator", issues: &issues)
            if let op, !operators.contains(op) {
                issues.add(er.childPath("operator"), "unknown operator \"\(op)\"; use In, NotIn, Exists or DoesNotExist")
            } else if op == nil, !er.has("operator") {
                issues.add(er.childPath("operator"), "missing; use In, NotIn, Exists or DoesNotExist")
            }
            let values = er.array("values", issues: &issues)
            for (j, v) in (values ?? []).enumerated() {
                let vp = FieldPath.index(er.childPath("values"), j)
                guard let s = v.stringValue else { issues.add(vp, "expected a string, got \(v.typeName)"); continue }
                if let problem = LabelSyntax.valueProblem(s) { issues.add(vp, problem) }
            }
            switch op {
            case "In", "NotIn":
                if (values ?? []).isEmpty { issues.add(er.childPath("values"), "operator \(op ?? "") needs at least one value; list values or use Exists") }
            case "Exists", "DoesNotExist":
                if !(values ?? []).isEmpty { issues.add(er.childPath("values"), "operator \(op ?? "") takes no values; remove them") }
            default: break
            }
        }
    }
}
