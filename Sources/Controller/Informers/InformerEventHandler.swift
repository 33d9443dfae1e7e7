import JSON

/// Callbacks for cache changes. They run one at a time, in the order the changes were
/// seen, on the informer's task: keep them short (enqueue a key, do not reconcile).
public struct InformerEventHandler: Sendable {
    public var onAdd: @Sendable (JSONValue) async -> Void
    public var onUpdate: @Sendable (_ old: JSONValue, _ new: JSONValue) async -> Void
    public var onDelete: @Sendable (JSONValue) async -> Void

    public init(onAdd: @escaping @Sendable (JSONValue) async -> Void = { _ in },
                onUpdate: @escaping @Sendable (JSONValue, JSONValue) async -> Void = { _, _ in },
                onDelete: @escaping @Sendable (JSONValue) async -> Void = { _ in }) {
        self.onAdd = onAdd
        self.onUpdate = onUpdate
        self.onDelete = onDelete
    }

    /// The same callback for every kind of change (what level-based controllers want).
    public static func any(_ body: @escaping @Sendable (JSONValue) async -> Void) -> InformerEventHandler {
        InformerEventHandler(onAdd: body, onUpdate: { _, new in await body(new) }, onDelete: body)
    }
}
