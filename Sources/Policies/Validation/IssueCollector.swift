/// Accumulates issues while walking an input; each checker appends to it
/// instead of stopping at the first problem.
struct IssueCollector {
    private(set) var issues: [ValidationIssue] = []

    var isEmpty: Bool { issues.isEmpty }

    mutating func add(_ path: String, _ message: String) {
        issues.append(ValidationIssue(path: path, message: message))
    }

    mutating func append(contentsOf other: IssueCollector) {
        issues.append(contentsOf: other.issues)
    }
}

/// Field path helpers, so paths are spelled the same way everywhere.
enum FieldPath {
    static func child(_ base: String, _ key: String) -> String { base.isEmpty ? key : base + "." + key }
    static func index(_ base: String, _ i: Int) -> String { base + "[" + String(i) + "]" }
    /// Map keys that are not identifiers ("app.kubernetes.io/name") are bracketed.
    static func mapKey(_ base: String, _ key: String) -> String { base + "[" + key + "]" }
}
