import Controller
import JSON
import Synchronization

/// Our own writes that the informer has not delivered yet, so the reconcile that
/// our write's watch event (or anything else) triggers does not act on the
/// pre-write state: that would repeat the write, or worse, miss a later edit.
/// Sound without comparing resourceVersions: a write is shown only while the
/// cache still holds exactly the version it was based on.
final class WriteOverlay: Sendable {
    private struct Entry {
        /// resourceVersion the write was based on; nil for a create.
        var basedOn: String?
        var written: JSONValue
    }
    private let entries = Mutex<[ObjectKey: Entry]>([:])

    func record(_ key: ObjectKey, basedOn: JSONValue?, written: JSONValue) {
        let entry = Entry(basedOn: Self.resourceVersion(basedOn), written: written)
        entries.withLock { $0[key] = entry }
    }

    /// The object to act on: our write while the cache has not caught up, else the cached one.
    func read(_ key: ObjectKey, cached: JSONValue?) -> JSONValue? {
        let rv = Self.resourceVersion(cached)
        return entries.withLock { e in
            guard let entry = e[key] else { return cached }
            if rv == entry.basedOn { return entry.written }
            e[key] = nil
            return cached
        }
    }

    /// A namespace's cached objects as they are after our writes: updated ones
    /// replaced, created ones the cache lacks added.
    func apply(to cached: [JSONValue], namespace: String) -> [JSONValue] {
        var seen = Set<ObjectKey>()
        var out: [JSONValue] = []
        out.reserveCapacity(cached.count)
        for object in cached {
            guard let key = ObjectKey(object: object) else { continue }
            seen.insert(key)
            out.append(read(key, cached: object) ?? object)
        }
        let created = entries.withLock { e in
            e.filter { $0.key.namespace == namespace && $0.value.basedOn == nil && !seen.contains($0.key) }.map(\.value.written)
        }
        return out + created
    }

    /// Informer handler: any version other than the one a write was based on
    /// (our write, a later change, a delete) ends the overlay for that object.
    func observed(_ object: JSONValue) {
        guard let key = ObjectKey(object: object) else { return }
        let rv = Self.resourceVersion(object)
        entries.withLock { e in
            if let entry = e[key], entry.basedOn != rv { e[key] = nil }
        }
    }

    var count: Int { entries.withLock { $0.count } }

    static func resourceVersion(_ object: JSONValue?) -> String? {
        object?[path: ["metadata", "resourceVersion"]]?.stringValue
    }
}
