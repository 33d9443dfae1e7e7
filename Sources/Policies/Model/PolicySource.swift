import JSON

/// Where the policy's rules come from; exactly one per ContainerNetworkPolicy.
public enum PolicySource: Sendable, Equatable {
    /// A catalog entry, by name (see `PredefinedCatalog`).
    case predefined(String)
    /// Rule mode: compiled by `RuleCompiler`.
    case rules(RuleModeSpec)
    /// YAML mode: a CiliumNetworkPolicy `spec` and/or `specs`, kept as given.
    case cilium(spec: JSONValue?, specs: [JSONValue]?)
}
