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

/// Where the policy's rules come from; exactly one per ContainerNetworkPolicy.
public enum PolicySource: Sendable, Equatable {
    /// A catalog entry, by name (see `PredefinedCatalog`).
    case predefined(String)
    /// Rule mode: compiled by `RuleCompiler`.
    case rules(RuleModeSpec)
    /// YAML mode: a CiliumNetworkPolicy `spec` and/or `specs`, kept as given.
    case cilium(spec: JSONValue?, specs: [JSONValue]?)
}

/// The three ways of writing a policy, shown in the Mode printer column.
public enum PolicyMode: String, Sendable, Equatable, CaseIterable {
    case predefined = "Predefined"
    case rules = "Rules"
    case cilium = "Cilium"
}
