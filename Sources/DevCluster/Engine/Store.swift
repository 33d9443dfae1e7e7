import Foundation
import JSON
import Synchronization

/// The storage and semantics engine: every object, the global resourceVersion counter, the bounded
/// event history and the open watches, behind one lock. Synchronous, so it is testable without HTTP.
final class Store: Sendable {
    let state: Mutex<StoreState>

    init(historyLimit: Int = 10_000) {
        state = Mutex(StoreState(historyLimit: historyLimit))
    }

    func withState<R: Sendable>(_ body: (inout StoreState) throws(APIError) -> R) throws(APIError) -> R {
        try state.withLock { (s: inout StoreState) throws(APIError) -> R in try body(&s) }
    }

    var resourceVersion: Int64 { state.withLock { $0.rv } }
    var types: [ResourceType] { state.withLock { $0.types.all } }

    func lookup(group: String, version: String, plural: String) -> ResourceType? {
        state.withLock { $0.types.lookup(group: group, version: version, plural: plural) }
    }

    func create(_ t: ResourceType, namespace: String?, _ body: JSONValue, _ o: WriteOptions = .init()) throws(APIError) -> WriteResult {
        try withState { (s) throws(APIError) in
            let r = try s.create(t, namespace: namespace, body, o)
            if StoreState.isEventsV1(t), !o.dryRun { s.mirrorEvent(r.object) }
            return r
        }
    }

    func get(_ t: ResourceType, namespace: String?, name: String) throws(APIError) -> JSONValue {
        try withState { (s) throws(APIError) in try s.get(t, namespace: namespace, name: name) }
    }

    func list(_ t: ResourceType, namespace: String?, _ o: ListOptions = .init()) throws(APIError) -> ListResult {
        try withState { (s) throws(APIError) in try s.list(t, namespace: namespace, o) }
    }

    func update(_ t: ResourceType, namespace: String?, name: String, _ body: JSONValue, subresource: String? = nil,
                _ o: WriteOptions = .init()) throws(APIError) -> WriteResult {
        try withState { (s) throws(APIError) in
            let r = try s.update(t, namespace: namespace, name: name, body, subresource: subresource, o)
            if StoreState.isEventsV1(t), !o.dryRun { s.mirrorEvent(r.object) }
            return r
        }
    }

    func patch(_ t: ResourceType, namespace: String?, name: String, type: PatchType, _ patch: JSONValue,
               subresource: String? = nil, _ o: WriteOptions = .init()) throws(APIError) -> WriteResult {
        try withState { (s) throws(APIError) in
            let r = try s.patch(t, namespace: namespace, name: name, type: type, patch, subresource: subresource, o)
            if StoreState.isEventsV1(t), !o.dryRun { s.mirrorEvent(r.object) }
            return r
        }
    }

    func delete(_ t: ResourceType, namespace: String?, name: String, _ o: DeleteOptions = .init()) throws(APIError) -> DeleteResult {
        try withState { (s) throws(APIError) in
            let r = try s.delete(t, namespace: namespace, name: name, o)
            if StoreState.isEventsV1(t), !o.dryRun, case .deleted = r { s.unmirrorEvent(namespace: namespace, name: name) }
            return r
        }
    }

    func deleteCollection(_ t: ResourceType, namespace: String?, _ l: ListOptions, _ o: DeleteOptions) throws(APIError) -> ListResult {
        try withState { (s) throws(APIError) in
            var l2 = l
            l2.limit = nil
            l2.continueToken = nil
            let found = try s.list(t, namespace: namespace, l2)
            var deleted: [JSONValue] = []
            for item in found.items {
                if case .deleted(let obj) = try s.delete(t, namespace: item.metaNamespace.isEmpty ? nil : item.metaNamespace,
                                                         name: item.metaName, o) {
                    deleted.append(obj)
                }
            }
            return ListResult(items: deleted, resourceVersion: s.rv)
        }
    }

    func watch(_ t: ResourceType, namespace: String?, _ o: WatchOptions) throws(APIError) -> WatchSubscription {
        try withState { (s) throws(APIError) in try s.watch(t, namespace: namespace, o) }
    }

    /// Ends one watch (the HTTP layer calls it when the client goes or the timeout passes).
    func cancelWatch(_ id: Int) {
        let w = state.withLock { $0.watchers.removeValue(forKey: id) }
        w?.continuation.finish()
    }

    /// Closes every open watch, as an API server restart or a load balancer would.
    func dropAllWatches() {
        let all = state.withLock { s -> [Watcher] in
            let w = Array(s.watchers.values)
            s.watchers.removeAll()
            return w
        }
        for w in all { w.continuation.finish() }
    }

    var watchCount: Int { state.withLock { $0.watchers.count } }

    /// Sends a BOOKMARK with the current resourceVersion to every watch that asked for them.
    func emitBookmarks() {
        state.withLock { $0.emitBookmarks() }
    }

    /// Forgets the event history: every watch or continue from an older resourceVersion gets 410 Gone.
    func expireHistory() {
        state.withLock { $0.history.expire(at: $0.rv) }
    }
}
