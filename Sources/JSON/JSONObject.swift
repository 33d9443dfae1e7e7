/// An object that keeps its keys in insertion order (so documents round-trip
/// as written) while looking keys up by hash. Equality ignores key order, as
/// JSON object equality does.
public struct JSONObject: Sendable {
    public private(set) var keys: [String] = []
    private var storage: [String: JSONValue] = [:]

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        keys.reserveCapacity(pairs.count)
        storage.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Setting nil removes the key; setting an existing key keeps its position.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let v = newValue {
                if storage.updateValue(v, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                if let i = keys.firstIndex(of: key) { keys.remove(at: i) }
            }
        }
    }

    public var values: [JSONValue] { keys.compactMap { storage[$0] } }

    /// Keys in insertion order with their values.
    public var pairs: [(key: String, value: JSONValue)] { keys.compactMap { k in storage[k].map { (k, $0) } } }

    public func contains(_ key: String) -> Bool { storage[key] != nil }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let old = storage[key]
        self[key] = nil
        return old
    }

    /// A copy with keys sorted, for canonical output (hashes, golden files).
    public func sortedByKey() -> JSONObject {
        var o = JSONObject()
        for k in keys.sorted() { o[k] = storage[k] }
        return o
    }

    /// Appends without the duplicate check; the parser uses it when keys are known unique.
    mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        if storage.updateValue(value, forKey: key) == nil { keys.append(key) }
    }
}

extension JSONObject: Hashable {
    public static func == (a: JSONObject, b: JSONObject) -> Bool { a.storage == b.storage }
    public func hash(into h: inout Hasher) { h.combine(storage) }
}

extension JSONObject: Sequence {
    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var i = 0
        let keys = self.keys, storage = self.storage
        return AnyIterator {
            while i < keys.count {
                let k = keys[i]
                i += 1
                if let v = storage[k] { return (k, v) }
            }
            return nil
        }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { ($0.0, $0.1) })
    }
}
