import JSON

/// One page of a list.
public struct ObjectList: Sendable, Hashable {
    public var items: [JSONValue]
    public var resourceVersion: String
    /// Present when more pages follow.
    public var continueToken: String?
    public var remainingItemCount: Int?
    /// The list's kind ("ConfigMapList").
    public var kind: String?

    public init(items: [JSONValue], resourceVersion: String, continueToken: String? = nil, remainingItemCount: Int? = nil, kind: String? = nil) {
        self.items = items
        self.resourceVersion = resourceVersion
        self.continueToken = continueToken
        self.remainingItemCount = remainingItemCount
        self.kind = kind
    }
}
