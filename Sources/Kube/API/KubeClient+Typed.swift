import JSON

/// Typed conveniences over the dynamic API for the modelled kinds. Fields a model does
/// not declare are dropped on decode: use the JSONValue API to round-trip unknown fields.
extension KubeClient {
    public func get<T: KubeObject>(_ type: T.Type, namespace: String?, name: String) async throws(KubeError) -> T {
        try T(await get(T.resource, namespace: namespace, name: name))
    }

    /// Creates the object in metadata.namespace (or cluster-wide when nil).
    public func create<T: KubeObject>(_ object: T, options: WriteOptions = .init()) async throws(KubeError) -> T {
        try T(await create(T.resource, namespace: object.metadata.namespace, object.jsonValue(), options: options))
    }

    /// Replaces the object; metadata.resourceVersion makes it conditional.
    public func update<T: KubeObject>(_ object: T, options: WriteOptions = .init()) async throws(KubeError) -> T {
        try T(await update(T.resource, namespace: object.metadata.namespace, object.jsonValue(), options: options))
    }

    public func list<T: KubeObject>(_ type: T.Type, namespace: String?, options: ListOptions = .init()) async throws(KubeError) -> [T] {
        var out: [T] = []
        for item in try await listAll(T.resource, namespace: namespace, options: options).items { out.append(try T(item)) }
        return out
    }
}
