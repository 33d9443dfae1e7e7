import JSON

/// One registered watch: its filter and the stream it feeds.
struct Watcher: Sendable {
    let id: Int
    let type: ResourceType
    let namespace: String?
    let labels: LabelSelector
    let fields: FieldSelector
    let allowBookmarks: Bool
    let continuation: AsyncStream<WatchEvent>.Continuation

    func matches(_ object: JSONValue) -> Bool {
        if let ns = namespace, object.metaNamespace != ns { return false }
        if !labels.isEverything && !labels.matches(object.metaLabels) { return false }
        if !fields.isEverything && !fields.matches({ type.fieldValue($0, in: object) }) { return false }
        return true
    }

    /// The event this watcher sees for a committed change, if any (selector transitions as kube's cacher).
    func translate(_ e: StoredEvent) -> WatchEvent? {
        guard e.resource == type.groupResource else { return nil }
        let now = matches(e.object)
        let before = e.previous.map(matches) ?? false
        switch e.type {
        case .added: return now ? WatchEvent(type: .added, object: converted(e.object)) : nil
        case .deleted: return now ? WatchEvent(type: .deleted, object: converted(e.object)) : nil
        case .modified:
            switch (before, now) {
            case (true, true): return WatchEvent(type: .modified, object: converted(e.object))
            case (false, true): return WatchEvent(type: .added, object: converted(e.object))
            case (true, false):
                var old = e.previous ?? e.object
                old.setMeta("resourceVersion", .string(String(e.rv)))
                return WatchEvent(type: .deleted, object: converted(old))
            case (false, false): return nil
            }
        default: return nil
        }
    }

    /// Objects are stored once per resource; a watcher on another served version sees its own apiVersion.
    func converted(_ o: JSONValue) -> JSONValue {
        guard o["apiVersion"]?.stringValue != type.apiVersion else { return o }
        var c = o
        c["apiVersion"] = .string(type.apiVersion)
        return c
    }

    /// Sends; a full or closed stream ends the watch (the client relists), as kube-apiserver does.
    @discardableResult
    func send(_ e: WatchEvent) -> Bool {
        switch continuation.yield(e) {
        case .enqueued: return true
        case .dropped, .terminated:
            continuation.finish()
            return false
        @unknown default: return false
        }
    }
}
