/// Every problem found in one input; validation reports them all at once so a
/// user fixes a manifest in one round trip rather than one error per apply.
public struct ValidationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) { self.issues = issues }

    /// Issues joined with "; ", for a condition message or an Event.
    public var description: String { issues.map(\.description).joined(separator: "; ") }
}
