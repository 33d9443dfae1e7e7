import JSON

/// A built-in policy: a CiliumNetworkPolicy `spec` people commonly need.
public struct PredefinedPolicy: Sendable, Equatable {
    public let name: String
    public let description: String
    /// The CNP spec as enabled (no disabled_by label; enforcement adds it).
    public let spec: JSONValue

    public init(name: String, description: String, spec: JSONValue) {
        self.name = name
        self.description = description
        self.spec = spec
    }
}
