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
