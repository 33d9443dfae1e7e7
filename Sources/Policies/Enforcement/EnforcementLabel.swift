/// The selector label that disables a policy without deleting it.
public struct EnforcementLabel: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String

    public init(key: String = "network-policy.gitlab.com/disabled_by", value: String = "gitlab") {
        self.key = key
        self.value = value
    }

    /// Why this label cannot be used (bad key or value syntax), or nil; check
    /// it once where the operator reads its configuration.
    public var problem: String? {
        if let p = LabelSyntax.keyProblem(key) { return "enforcement label key: " + p }
        if value.isEmpty { return "enforcement label value is empty; a selector needs a value to match nothing" }
        if let p = LabelSyntax.valueProblem(value) { return "enforcement label value: " + p }
        return nil
    }

    /// GitLab's `network-policy.gitlab.com/disabled_by: gitlab`.
    public static let gitlab = EnforcementLabel()
}
