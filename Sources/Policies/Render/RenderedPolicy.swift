import JSON

/// The desired CiliumNetworkPolicy for one ContainerNetworkPolicy, with what
/// its status reports about it.
public struct RenderedPolicy: Sendable, Equatable {
    /// The whole object: apiVersion, kind, metadata (name, namespace, labels,
    /// annotations, ownerReferences) and spec/specs.
    public let cnp: JSONValue
    /// `ContentHash.of(cnp)`: equal hashes mean equal desired objects.
    public let hash: String
    /// One line for status and the printer column.
    public let summary: String
    /// Things that are valid but probably not what the user wants.
    public let warnings: [ValidationIssue]
    public let mode: PolicyMode
    public let enabled: Bool
}
