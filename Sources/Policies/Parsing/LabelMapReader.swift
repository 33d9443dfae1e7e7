import JSON

/// Reads a `matchLabels`-style map, checking every key and value, and returns
/// the pairs sorted by key (deterministic output whatever the input order).
enum LabelMapReader {
    static func read(_ labels: JSONObject, at path: String, issues: inout IssueCollector) -> [LabelPair] {
        var pairs: [LabelPair] = []
        pairs.reserveCapacity(labels.count)
        for (key, value) in labels {
            let keyPath = FieldPath.mapKey(path, key)
            if let p = LabelSyntax.keyProblem(key) {
                issues.add(keyPath, p)
                continue
            }
            guard case .string(let v) = value else {
                let hint = value.typeName == "boolean" || value.typeName == "integer" ? "; quote it, e.g. \"\(value)\"" : ""
                issues.add(keyPath, "label value must be a string, got \(value.typeName)\(hint)")
                continue
            }
            if let p = LabelSyntax.valueProblem(v) {
                issues.add(keyPath, p)
                continue
            }
            pairs.append(LabelPair(key, v))
        }
        pairs.sort { $0.key < $1.key }
        return pairs
    }
}
