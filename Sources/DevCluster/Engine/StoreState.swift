import Foundation
import JSON

/// Everything the store holds; only ever touched under `Store.state`'s lock.
struct StoreState: Sendable {
    var rv: Int64 = 0
    var types = TypeRegistry()
    var objects: [GroupResource: [String: JSONValue]] = [:]
    var history: EventHistory
    var watchers: [Int: Watcher] = [:]
    var nextWatcherID = 1
    /// Owner uid -> objects naming it in ownerReferences (garbage collection without scans).
    var dependents: [String: Set<ObjectRef>] = [:]
    var byUID: [String: ObjectRef] = [:]
    var nextClusterIP = 10
    /// Objects per namespace, so namespace termination knows when it is done without scanning.
    var namespaceCounts: [String: Int] = [:]

    static let namespaces = GroupResource(group: "", resource: "namespaces")
    static let crds = GroupResource(group: "apiextensions.k8s.io", resource: "customresourcedefinitions")

    init(historyLimit: Int) {
        history = EventHistory(limit: historyLimit, start: 0)
        for t in BuiltinTypes.all { types.register(t) }
        for ns in ["default", "kube-system", "kube-public", "kube-node-lease"] {
            guard let t = types.storageType(Self.namespaces) else { continue }
            _ = try? create(t, namespace: nil, ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns)]], .init())
        }
    }

    static func key(_ t: ResourceType, namespace: String?, name: String) -> String {
        t.namespaced ? "\(namespace ?? "")/\(name)" : name
    }

    func current(_ gr: GroupResource, _ key: String) -> JSONValue? { objects[gr]?[key] }

    /// The one place that changes storage: bumps the counter, keeps the indexes, records history and
    /// notifies watchers. Returns the object as stored (with its new resourceVersion).
    @discardableResult
    mutating func commit(_ type: WatchEvent.Kind, _ gr: GroupResource, _ key: String, _ object: JSONValue,
                         previous: JSONValue?) -> JSONValue {
        rv += 1
        var obj = object
        obj.setMeta("resourceVersion", .string(String(rv)))
        let ref = ObjectRef(resource: gr, key: key)
        if let old = previous {
            for uid in old.metaOwnerUIDs { dependents[uid]?.remove(ref) }
        }
        let namespace = key.firstIndex(of: "/").map { String(key[..<$0]) }
        if type == .deleted {
            if let ns = namespace { namespaceCounts[ns, default: 1] -= 1 }
            objects[gr]?[key] = nil
            byUID[obj.metaUID] = nil
        } else {
            if previous == nil, let ns = namespace { namespaceCounts[ns, default: 0] += 1 }
            objects[gr, default: [:]][key] = obj
            byUID[obj.metaUID] = ref
            for uid in obj.metaOwnerUIDs { dependents[uid, default: []].insert(ref) }
        }
        let e = StoredEvent(rv: rv, type: type, resource: gr, key: key, namespace: obj.metaNamespace, object: obj,
                            previous: previous)
        history.append(e)
        var closed: [Int] = []
        for (id, w) in watchers {
            if let we = w.translate(e), !w.send(we) { closed.append(id) }
        }
        for id in closed { watchers[id] = nil }
        return obj
    }

    mutating func emitBookmarks() {
        var closed: [Int] = []
        for (id, w) in watchers where w.allowBookmarks {
            if !w.send(WatchEvent(type: .bookmark, object: bookmarkObject(w.type))) { closed.append(id) }
        }
        for id in closed { watchers[id] = nil }
    }

    func bookmarkObject(_ t: ResourceType, initialEventsEnd: Bool = false) -> JSONValue {
        var meta: JSONValue = ["resourceVersion": .string(String(rv))]
        if initialEventsEnd { meta["annotations"] = ["k8s.io/initial-events-end": "true"] }
        return ["kind": .string(t.kind), "apiVersion": .string(t.apiVersion), "metadata": meta]
    }

    func get(_ t: ResourceType, namespace: String?, name: String) throws(APIError) -> JSONValue {
        guard var o = current(t.groupResource, Self.key(t, namespace: namespace, name: name)) else {
            throw .notFound(resource: t.groupResource, name: name)
        }
        if o["apiVersion"]?.stringValue != t.apiVersion { o["apiVersion"] = .string(t.apiVersion) }
        return o
    }
}
