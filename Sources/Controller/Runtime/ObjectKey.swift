import JSON

/// What a reconciler reconciles: the namespace (nil for cluster-scoped) and name of an object.
public struct ObjectKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var namespace: String?
    public var name: String

    public init(namespace: String?, name: String) {
        self.namespace = (namespace?.isEmpty ?? true) ? nil : namespace
        self.name = name
    }

    /// The key of an object's `metadata`; nil when it has no name.
    public init?(object: JSONValue) {
        guard let name = object[path: ["metadata", "name"]]?.stringValue, !name.isEmpty else { return nil }
        self.init(namespace: object[path: ["metadata", "namespace"]]?.stringValue, name: name)
    }

    /// Parses "namespace/name" or "name".
    public init?(_ string: String) {
        let parts = string.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where !parts[0].isEmpty: self.init(namespace: nil, name: String(parts[0]))
        case 2 where !parts[1].isEmpty: self.init(namespace: String(parts[0]), name: String(parts[1]))
        default: return nil
        }
    }

    /// "namespace/name", or "name" for cluster-scoped objects (client-go's cache key).
    public var description: String { namespace.map { "\($0)/\(name)" } ?? name }

    public static func < (a: ObjectKey, b: ObjectKey) -> Bool { a.description < b.description }
}
