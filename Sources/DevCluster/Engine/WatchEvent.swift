import JSON

/// One line of a watch stream: `{"type":"ADDED","object":{...}}`.
struct WatchEvent: Sendable, Equatable {
    enum Kind: String, Sendable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED", bookmark = "BOOKMARK", error = "ERROR"
    }

    var type: Kind
    var object: JSONValue

    var json: JSONValue { ["type": .string(type.rawValue), "object": object] }
}

/// A committed change, kept in the bounded history that watches resume from.
struct StoredEvent: Sendable {
    var rv: Int64
    var type: WatchEvent.Kind
    var resource: GroupResource
    var key: String
    var namespace: String
    var object: JSONValue
    /// The object before the change (nil for ADDED); lets selectors turn MODIFIED into ADDED/DELETED.
    var previous: JSONValue?
}

/// A ring of the most recent events. `start` is the resourceVersion from which history is complete:
/// a watch from any rv >= start can be served, an older one gets 410 Gone.
struct EventHistory: Sendable {
    private var events: [StoredEvent] = []
    private var head = 0
    let limit: Int
    private(set) var start: Int64

    init(limit: Int, start: Int64) {
        self.limit = max(1, limit)
        self.start = start
    }

    var count: Int { events.count - head }

    mutating func append(_ e: StoredEvent) {
        events.append(e)
        if count > limit {
            start = events[head].rv
            head += 1
            // Compact now and then so the array does not grow without bound.
            if head >= limit {
                events.removeFirst(head)
                head = 0
            }
        }
    }

    /// Forgets everything: any watch older than `rv` now gets 410.
    mutating func expire(at rv: Int64) {
        events.removeAll()
        head = 0
        start = rv
    }

    /// Events with rv > `rv`, oldest first (binary search: rvs increase).
    func since(_ rv: Int64) -> ArraySlice<StoredEvent> {
        var lo = head, hi = events.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if events[mid].rv <= rv { lo = mid + 1 } else { hi = mid }
        }
        return events[lo...]
    }
}
