/// A resource type as discovery describes it.
public struct APIResource: Sendable, Hashable {
    public var gvr: GroupVersionResource
    public var kind: String
    public var namespaced: Bool
    public var verbs: [String]
    public var shortNames: [String]
    /// "status", "scale", ...
    public var subresources: [String]
    public var singularName: String
    public var categories: [String]
}
