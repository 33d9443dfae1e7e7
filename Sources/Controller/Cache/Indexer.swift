import JSON
import Synchronization

/// A thread-safe store of objects by key ("namespace/name"), with indexes kept up to
/// date on every change. Reads return values (copy-on-write), never live references.
public final class Indexer: Sendable {
    struct State: Sendable {
        var objects: [ObjectKey: JSONValue] = [:]
        var functions: [IndexName: IndexFunction] = [:]
        /// index name -> index value -> keys
        var indices: [IndexName: [String: Set<ObjectKey>]] = [:]

        mutating func unindex(_ key: ObjectKey, _ obj: JSONValue) {
            for (name, fn) in functions {
                for v in fn(obj) {
                    indices[name]?[v]?.remove(key)
                    if indices[name]?[v]?.isEmpty == true { indices[name]?[v] = nil }
                }
            }
        }

        mutating func index(_ key: ObjectKey, _ obj: JSONValue) {
            for (name, fn) in functions {
                for v in fn(obj) { indices[name, default: [:]][v, default: []].insert(key) }
            }
        }
    }

    private let state: Mutex<State>

    /// `indexes` add to (or replace) the built-in namespace, label and owner indexes.
    public init(indexes: [IndexName: IndexFunction] = [:]) {
        var s = State()
        s.functions = IndexName.builtIn.merging(indexes) { _, custom in custom }
        state = Mutex(s)
    }

    /// Adds a custom index; existing objects are indexed at once.
    public func addIndex(_ name: IndexName, _ function: @escaping IndexFunction) {
        state.withLock { s in
            s.functions[name] = function
            var idx: [String: Set<ObjectKey>] = [:]
            for (k, o) in s.objects { for v in function(o) { idx[v, default: []].insert(k) } }
            s.indices[name] = idx
        }
    }

    public var count: Int { state.withLock { $0.objects.count } }

    /// Inserts or replaces an object; returns the previous one. Objects without a name are ignored.
    @discardableResult
    public func upsert(_ object: JSONValue) -> JSONValue? {
        guard let key = ObjectKey(object: object) else { return nil }
        return state.withLock { s in
            let old = s.objects.updateValue(object, forKey: key)
            if let old { s.unindex(key, old) }
            s.index(key, object)
            return old
        }
    }

    /// Removes an object; returns it if it was present.
    @discardableResult
    public func delete(_ key: ObjectKey) -> JSONValue? {
        state.withLock { s in
            guard let old = s.objects.removeValue(forKey: key) else { return nil }
            s.unindex(key, old)
            return old
        }
    }

    /// What a relist changed: objects new to the cache, replaced ones (old, new), and
    /// ones gone from the server (the deletes a dropped watch would otherwise miss).
    public struct ReplaceResult: Sendable {
        public var added: [JSONValue] = []
        public var updated: [(old: JSONValue, new: JSONValue)] = []
        public var deleted: [JSONValue] = []
    }

    /// Replaces the whole content with `objects` (a fresh list), rebuilding indexes.
    public func replace(with objects: [JSONValue]) -> ReplaceResult {
        var result = ReplaceResult()
        state.withLock { s in
            var fresh: [ObjectKey: JSONValue] = [:]
            fresh.reserveCapacity(objects.count)
            for o in objects {
                guard let k = ObjectKey(object: o) else { continue }
                fresh[k] = o
                if let old = s.objects[k] {
                    if old != o { result.updated.append((old, o)) }
                } else {
                    result.added.append(o)
                }
            }
            for (k, o) in s.objects where fresh[k] == nil { result.deleted.append(o) }
            s.objects = fresh
            s.indices = [:]
            for (k, o) in fresh { s.index(k, o) }
        }
        return result
    }

    public func get(_ key: ObjectKey) -> JSONValue? { state.withLock { $0.objects[key] } }

    public func get(namespace: String?, name: String) -> JSONValue? { get(ObjectKey(namespace: namespace, name: name)) }

    /// Every object, in no particular order (a snapshot).
    public func list() -> [JSONValue] { state.withLock { Array($0.objects.values) } }

    public func keys() -> [ObjectKey] { state.withLock { Array($0.objects.keys) } }

    /// Objects whose index `name` has `value`; empty for an unknown index.
    public func byIndex(_ name: IndexName, _ value: String) -> [JSONValue] {
        state.withLock { s in
            guard let keys = s.indices[name]?[value] else { return [] }
            return keys.compactMap { s.objects[$0] }
        }
    }

    /// Objects in a namespace ("" for cluster-scoped), optionally with all these labels.
    public func list(namespace: String?, labels: [String: String] = [:]) -> [JSONValue] {
        state.withLock { s in
            var candidates: Set<ObjectKey>?
            if let namespace { candidates = s.indices[.namespace]?[namespace] ?? [] }
            // Intersect smallest-first would be ideal; sets from the index keep it linear anyway.
            for (k, v) in labels {
                let keys = s.indices[.label]?["\(k)=\(v)"] ?? []
                candidates = candidates.map { $0.intersection(keys) } ?? keys
            }
            guard let candidates else { return Array(s.objects.values) }
            return candidates.compactMap { s.objects[$0] }
        }
    }

    /// The index values present for `name`.
    public func indexValues(_ name: IndexName) -> [String] { state.withLock { Array(($0.indices[name] ?? [:]).keys) } }
}
