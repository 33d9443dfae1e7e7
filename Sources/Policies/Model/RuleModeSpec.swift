/// Rule mode: the small, validated policy language of GitLab's editor.
public struct RuleModeSpec: Sendable, Equatable {
    /// Labels the policy applies to; empty selects every pod of the namespace.
    public var podSelector: [LabelPair]
    public var rules: [PolicyRule]
    /// Add the egress rule to kube-dns (port 53, L7 DNS) that outbound FQDN rules need.
    public var addDNSRule: Bool

    public init(podSelector: [LabelPair] = [], rules: [PolicyRule], addDNSRule: Bool = true) {
        self.podSelector = podSelector
        self.rules = rules
        self.addDNSRule = addDNSRule
    }
}
