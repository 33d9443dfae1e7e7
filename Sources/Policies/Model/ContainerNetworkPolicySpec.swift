import JSON

/// The decoded `spec` of a ContainerNetworkPolicy (threatmonitor.dev/v1alpha1).
/// Build it with `PolicySpecParser.parse`, which reports every problem by path.
public struct ContainerNetworkPolicySpec: Sendable, Equatable {
    /// Enforcement: a disabled policy stays deployed but selects no pod.
    public var enabled: Bool
    /// Sets `app.gitlab.com/alert: "true"` on the rendered policy.
    public var alert: Bool
    public var description: String?
    /// Take over an existing CiliumNetworkPolicy of the same name.
    public var adopt: Bool
    public var source: PolicySource

    public init(enabled: Bool = true, alert: Bool = false, description: String? = nil, adopt: Bool = false,
                source: PolicySource) {
        self.enabled = enabled
        self.alert = alert
        self.description = description
        self.adopt = adopt
        self.source = source
    }

    public var mode: PolicyMode {
        switch source {
        case .predefined: return .predefined
        case .rules: return .rules
        case .cilium: return .cilium
        }
    }
}
