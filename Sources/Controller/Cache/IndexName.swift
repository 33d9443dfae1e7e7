import JSON

/// Computes the index values of an object (e.g. its namespace, its "k=v" labels).
public typealias IndexFunction = @Sendable (JSONValue) -> [String]

/// The name of an index on a cache. The built-in ones are always present.
public struct IndexName: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    /// The object's namespace ("" for cluster-scoped objects).
    public static let namespace = IndexName("namespace")
    /// One value per label, "key=value".
    public static let label = IndexName("label")
    /// One value per ownerReference, the owner's uid.
    public static let owner = IndexName("owner")

    static let builtIn: [IndexName: IndexFunction] = [
        .namespace: { [$0[path: ["metadata", "namespace"]]?.stringValue ?? ""] },
        .label: { obj in
            guard let labels = obj[path: ["metadata", "labels"]]?.objectValue else { return [] }
            return labels.pairs.compactMap { p in p.value.stringValue.map { "\(p.key)=\($0)" } }
        },
        .owner: { obj in
            obj[path: ["metadata", "ownerReferences"]]?.arrayValue?.compactMap { $0["uid"]?.stringValue } ?? []
        },
    ]
}
