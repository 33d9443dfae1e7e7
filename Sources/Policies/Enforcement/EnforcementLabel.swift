/// The selector label that disables a policy without deleting it.
public struct EnforcementLabel: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String

    public init(key: String = "network-policy.gitlab.com/disabled_by", value: String = "gitlab") {
        self.key = key
        self.value = value
    }

    /// GitLab's `network-policy.gitlab.com/disabled_by: gitlab`.
    public static let gitlab = EnforcementLabel()
}
