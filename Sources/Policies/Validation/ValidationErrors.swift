/// Every problem found in one input; validation reports them all at once so a
/// user fixes a manifest in one round trip rather than one error per apply.
public struct ValidationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) { self.issues = issues }

    /// Issues joined with "; ", for a condition message or an Event.
    public var description: String { issues.map(\.description).joined(separator: "; ") }

    /// `description` cut near `limit` bytes at an issue boundary, ending with
    /// "(and N more)", so a status condition or an Event stays small.
    public func message(limit: Int = 1024) -> String {
        var out = ""
        for (i, issue) in issues.enumerated() {
            let next = out.isEmpty ? issue.description : out + "; " + issue.description
            let rest = issues.count - i
            if next.utf8.count > limit {
                guard out.isEmpty else { return out + " (and \(rest) more)" }
                // A single issue longer than the limit: cut it on a character boundary.
                var cut = ""
                for ch in issue.description {
                    if cut.utf8.count + ch.utf8.count > limit { break }
                    cut.append(ch)
                }
                return rest > 1 ? cut + " (and \(rest - 1) more)" : cut
            }
            out = next
        }
        return out
    }
}
