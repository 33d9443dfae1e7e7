/// One problem with a policy, located by the field path a user would edit
/// ("spec.rules[2].ports[0].port") and phrased as what to change.
public struct ValidationIssue: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// "path: message", the form used in conditions, Events and CLI output.
    public var description: String { "\(path): \(message)" }
}

/// Every problem found in one input; validation reports them all at once so a
/// user fixes a manifest in one round trip rather than one error per apply.
public struct ValidationErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) { self.issues = issues }

    /// Issues joined with "; ", for a condition message or an Event.
    public var description: String { issues.map(\.description).joined(separator: "; ") }
}
