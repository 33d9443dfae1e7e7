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
