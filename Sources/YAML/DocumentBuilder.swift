import JSON

/// Builds one document's value from libyaml's events, with go-yaml v2's rules:
/// anchors and aliases expanded (bounded by an alias-expansion budget), merge
/// keys, duplicate keys refused, keys converted to strings as sigs.k8s.io/yaml
/// does, nesting bounded. Iterative (an explicit stack), so deep input cannot
/// overflow the thread's stack while building.
struct DocumentBuilder {
    /// Deeper documents are refused; no manifest comes near it, and consumers of the
    /// value (equality, writers) recurse.
    static let maxDepth = 1000

    private struct Frame {
        let isMapping: Bool
        let anchor: String?
        let mark: SourceMark
        var items: [JSONValue] = []
        var object = JSONObject()
        var pendingKey: PendingKey?
        /// Keys set by a merge (`<<`), which explicit keys may override; nil until a merge.
        var mergedKeys: Set<String>?
        /// Nodes in this collection, aliases counted expanded.
        var size = 1
        /// Collection levels in this collection, itself included (aliases expanded).
        var height = 1
    }

    /// A finished node as the builder tracks it: its value and how big and deep it is.
    private struct Node {
        let value: JSONValue
        /// Nodes, aliases counted expanded (the alias budget's unit).
        let size: Int
        /// Nesting levels of collections: 0 for a scalar.
        let height: Int
    }

    private enum PendingKey {
        case key(String, SourceMark)
        case merge(SourceMark)
    }

    let documentIndex: Int
    private var stack: [Frame] = []
    private var root: JSONValue?
    private var anchors: [String: Node] = [:]
    private var budget = AliasBudget()

    init(documentIndex: Int) {
        self.documentIndex = documentIndex
    }

    /// The document's value; an empty document is null.
    var value: JSONValue { root ?? .null }

    // MARK: - Events

    mutating func scalar(text: UnsafeBufferPointer<UInt8>, tag: String?, plainImplicit: Bool, anchor: String?,
                         mark: SourceMark) throws(YAMLError) {
        budget.countNode()
        let shortTag = tag.map(TagResolver.shortTag)
        let resolved: ResolvedScalar
        if let shortTag {
            switch TagResolver.resolve(tag: shortTag, text: text) {
            case .success(let r): resolved = r
            case .failure(let mismatch): throw error(mismatch.message, at: mark)
            }
        } else if plainImplicit {
            resolved = PlainScalarResolver.resolve(text)
        } else {
            resolved = .string
        }

        if expectsKey {
            let isMerge = (plainImplicit || shortTag == "!!merge") && text.elementsEqual("<<".utf8)
            if isMerge {
                stack[stack.count - 1].pendingKey = .merge(mark)
            } else {
                switch MappingKey.string(resolved: resolved, text: text) {
                case .success(let key): stack[stack.count - 1].pendingKey = .key(key, mark)
                case .failure(let e): throw error(e.message, at: mark)
                }
            }
            stack[stack.count - 1].size += 1
            if let anchor { anchors[anchor] = Node(value: resolved.value(text: String(decoding: text, as: UTF8.self)), size: 1, height: 0) }
            return
        }
        let node = Node(value: resolved.value(text: String(decoding: text, as: UTF8.self)), size: 1, height: 0)
        if let anchor { anchors[anchor] = node }
        try add(node, at: mark)
    }

    mutating func alias(_ name: String, mark: SourceMark) throws(YAMLError) {
        budget.countNode()
        if stack.contains(where: { $0.anchor == name }) {
            throw error("anchor '\(name)' value contains itself", at: mark)
        }
        guard let target = anchors[name] else {
            throw error("unknown anchor '\(name)' referenced", at: mark)
        }
        if let message = budget.countAlias(expandingTo: target.size) { throw error(message, at: mark) }
        // An alias can put a deep value deep inside another: the limit holds for the expanded value.
        guard stack.count + target.height <= Self.maxDepth else {
            throw error("exceeded max depth of \(Self.maxDepth) nested collections (expanding alias '\(name)')", at: mark)
        }
        try add(target, at: mark, isAlias: true)
    }

    mutating func startCollection(isMapping: Bool, anchor: String?, mark: SourceMark) throws(YAMLError) {
        budget.countNode()
        if expectsKey {
            throw error("invalid map key: a \(isMapping ? "mapping" : "sequence") cannot be a mapping key", at: mark)
        }
        guard stack.count < Self.maxDepth else {
            throw error("exceeded max depth of \(Self.maxDepth) nested collections", at: mark)
        }
        stack.append(Frame(isMapping: isMapping, anchor: anchor, mark: mark))
    }

    mutating func endCollection() throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let value: JSONValue = frame.isMapping ? .object(frame.object) : .array(frame.items)
        let node = Node(value: value, size: frame.size, height: frame.height)
        if let anchor = frame.anchor { anchors[anchor] = node }
        try add(node, at: frame.mark)
    }

    // MARK: - Assembly

    /// The next node is a key of the innermost mapping. (Reads fields in place: copying
    /// the frame would retain its arrays on every scalar.)
    private var expectsKey: Bool {
        guard let top = stack.indices.last, stack[top].isMapping else { return false }
        if case nil = stack[top].pendingKey { return true }
        return false
    }

    /// Puts a finished node where it belongs: the root, a sequence item, a key or a value.
    private mutating func add(_ node: Node, at mark: SourceMark, isAlias: Bool = false) throws(YAMLError) {
        let value = node.value
        let top = stack.count - 1
        guard top >= 0 else {
            root = value
            return
        }
        stack[top].size = stack[top].size.addingSaturating(node.size)
        stack[top].height = max(stack[top].height, node.height + 1)
        guard stack[top].isMapping else {
            stack[top].items.append(value)
            return
        }
        switch stack[top].pendingKey {
        case nil:
            // Only aliases reach here as keys: scalars and collections are handled on their events.
            switch MappingKey.string(for: value) {
            case .success(let key): stack[top].pendingKey = .key(key, mark)
            case .failure(let e): throw error(e.message, at: mark)
            }
        case .key(let key, let keyMark)?:
            stack[top].pendingKey = nil
            if stack[top].object[key] != nil, stack[top].mergedKeys?.remove(key) == nil {
                throw error("key \"\(key)\" already set in map", at: keyMark)
            }
            stack[top].object[key] = value
        case .merge(let keyMark)?:
            stack[top].pendingKey = nil
            try merge(value, into: top, at: keyMark, isAlias: isAlias)
        }
    }

    /// go-yaml v2 merges in document order, later entries overwriting earlier ones,
    /// and walks a list of maps backwards so that the first map wins.
    /// An alias must name a map itself: go-yaml refuses `<<: *list` even when the list holds maps.
    private mutating func merge(_ value: JSONValue, into index: Int, at mark: SourceMark, isAlias: Bool) throws(YAMLError) {
        let sources: [JSONObject]
        switch value {
        case .object(let o):
            sources = [o]
        case .array(let items) where !isAlias:
            var objects: [JSONObject] = []
            objects.reserveCapacity(items.count)
            for item in items {
                guard case .object(let o) = item else {
                    throw error("map merge requires map or sequence of maps as the value (found \(Self.kind(item)) in the sequence)", at: mark)
                }
                objects.append(o)
            }
            sources = objects.reversed()
        default:
            let found = isAlias ? "an alias to \(Self.kind(value))" : Self.kind(value)
            throw error("map merge requires map or sequence of maps as the value (found \(found))", at: mark)
        }
        var merged = stack[index].mergedKeys ?? []
        stack[index].mergedKeys = nil  // so the set is not copied on insert
        for source in sources {
            for (key, v) in source {
                stack[index].object[key] = v
                merged.insert(key)
            }
        }
        stack[index].mergedKeys = merged
    }

    /// A value's kind in YAML's words, for messages.
    private static func kind(_ value: JSONValue) -> String {
        switch value {
        case .object: return "a mapping"
        case .array: return "a sequence"
        case .null: return "null"
        default: return "a \(value.typeName)"
        }
    }

    private func error(_ message: String, at mark: SourceMark) -> YAMLError {
        YAMLError(message: message, line: mark.line, column: mark.column, documentIndex: documentIndex)
    }
}

extension Int {
    func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
