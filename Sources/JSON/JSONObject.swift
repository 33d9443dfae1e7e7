/// An object that keeps its keys in insertion order (so documents round-trip
/// as written). Small objects, the vast majority in Kubernetes data, are a flat
/// array searched linearly (cheaper to build and to hold than a hash table);
/// larger ones also keep a key index. Equality ignores key order, as JSON
/// object equality does.
public struct JSONObject: Sendable {
    @usableFromInline struct Entry: Sendable {
        @usableFromInline var key: String
        @usableFromInline var value: JSONValue
        @usableFromInline init(key: String, value: JSONValue) { self.key = key; self.value = value }
    }

    @usableFromInline var entries: [Entry] = []
    /// Key -> position in `entries`; only kept once the object outgrows `indexThreshold`.
    @usableFromInline var index: [String: Int]? = nil
    @usableFromInline static var indexThreshold: Int { 16 }

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        entries.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }
    public var values: [JSONValue] { entries.map(\.value) }

    /// Keys in insertion order with their values.
    public var pairs: [(key: String, value: JSONValue)] { entries.map { ($0.key, $0.value) } }

    @inlinable
    func position(of key: String) -> Int? {
        if let index { return index[key] }
        for i in entries.indices where entries[i].key == key { return i }
        return nil
    }

    /// Setting nil removes the key; setting an existing key keeps its position.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let v = newValue {
                if let i = position(of: key) { entries[i].value = v } else { append(key, v) }
            } else if let i = position(of: key) {
                entries.remove(at: i)
                if index != nil { rebuildIndex() }
            }
        }
    }

    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = nil
        return old
    }

    /// A copy with keys sorted, for canonical output (hashes, golden files).
    public func sortedByKey() -> JSONObject {
        var o = JSONObject()
        o.entries = entries.sorted { $0.key < $1.key }
        if index != nil { o.rebuildIndex() }
        return o
    }

    /// Inserts or replaces; the parser's path (duplicate keys: the last one wins).
    mutating func appendUnchecked(_ key: String, _ value: JSONValue) { self[key] = value }

    private mutating func append(_ key: String, _ value: JSONValue) {
        entries.append(Entry(key: key, value: value))
        if index != nil {
            index?[key] = entries.count - 1
        } else if entries.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        var idx: [String: Int] = [:]
        idx.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() { idx[e.key] = i }
        index = idx
    }
}

extension JSONObject: Hashable {
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.count == b.count else { return false }
        for e in a.entries {
            guard let other = b[e.key], other == e.value else { return false }
        }
        return true
    }

    /// Order-independent: the entries' hashes are combined commutatively.
    public func hash(into h: inout Hasher) {
        var acc = 0
        for e in entries {
            var eh = Hasher()
            eh.combine(e.key)
            eh.combine(e.value)
            acc = acc &+ eh.finalize()
        }
        h.combine(count)
        h.combine(acc)
    }
}

extension JSONObject: Sequence {
    public struct Iterator: IteratorProtocol {
        var base: IndexingIterator<[Entry]>
        public mutating func next() -> (key: String, value: JSONValue)? {
            base.next().map { ($0.key, $0.value) }
        }
    }
    public func makeIterator() -> Iterator { Iterator(base: entries.makeIterator()) }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { ($0.0, $0.1) })
    }
}
