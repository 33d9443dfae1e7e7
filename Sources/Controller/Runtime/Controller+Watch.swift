import JSON

extension Controller {
    /// Enqueues the keys `map` derives from every object the informer adds, updates or deletes.
    public func watch(_ informer: Informer, map: @escaping @Sendable (JSONValue) -> [ObjectKey] = Controller.ownKey) async {
        await informer.addHandler(.any { object in
            for key in map(object) { await self.enqueue(key) }
        })
    }

    /// Enqueues the owner (ownerReference with controller=true of `ownerKind`) of every
    /// changed object, as controller-runtime's `Owns` does.
    public func watchOwned(_ informer: Informer, ownerKind: String) async {
        await watch(informer) { Controller.controllerOwner(of: $0, kind: ownerKind).map { [$0] } ?? [] }
    }

    /// The object's own key.
    @Sendable public static func ownKey(_ object: JSONValue) -> [ObjectKey] { ObjectKey(object: object).map { [$0] } ?? [] }

    /// The key of the controlling owner of `kind`, in the object's namespace.
    public static func controllerOwner(of object: JSONValue, kind: String) -> ObjectKey? {
        guard let refs = object[path: ["metadata", "ownerReferences"]]?.arrayValue else { return nil }
        for ref in refs where ref["controller"]?.boolValue == true && ref["kind"]?.stringValue == kind {
            guard let name = ref["name"]?.stringValue, !name.isEmpty else { continue }
            return ObjectKey(namespace: object[path: ["metadata", "namespace"]]?.stringValue, name: name)
        }
        return nil
    }
}
