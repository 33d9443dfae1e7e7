import JSON

/// Strategic merge patch for built-in types: JSON merge patch, except that lists named in `keys`
/// merge element-wise by their merge key, `finalizers` merge as a set, and the `$patch`,
/// `$retainKeys`, `$deleteFromPrimitiveList/` and `$setElementOrder/` directives apply.
enum StrategicMerge {
    static func apply(_ patch: JSONValue, to original: JSONValue, keys: [String: String]) throws(APIError) -> JSONValue {
        guard case .object = patch else {
            throw .badRequest("json: cannot unmarshal \(patch.typeName) into Go value of type map[string]interface {}")
        }
        return merge(original, patch, keys: keys) ?? .object(JSONObject())
    }

    /// nil means "delete this value" (`$patch: delete`).
    static func merge(_ original: JSONValue, _ patch: JSONValue, keys: [String: String]) -> JSONValue? {
        guard case .object(let p) = patch else { return patch }
        switch p["$patch"]?.stringValue {
        case "replace":
            var r = p
            r["$patch"] = nil
            return .object(r)
        case "delete": return nil
        default: break
        }
        var o = original.objectValue ?? JSONObject()
        for (k, v) in p {
            if k == "$patch" || k == "$retainKeys" || k.hasPrefix("$setElementOrder/") { continue }
            if k.hasPrefix("$deleteFromPrimitiveList/") {
                let field = String(k.dropFirst("$deleteFromPrimitiveList/".count))
                let drop = Set(v.arrayValue ?? [])
                if case .array(let a)? = o[field] { o[field] = .array(a.filter { !drop.contains($0) }) }
                continue
            }
            if v.isNull { o[k] = nil; continue }
            switch (o[k], v) {
            case (.array(let cur)?, .array(let items)):
                if let mk = keys[k] {
                    o[k] = .array(mergeList(cur, items, key: mk, keys: keys))
                } else if k == "finalizers" {
                    o[k] = .array(cur + items.filter { !cur.contains($0) })
                } else {
                    o[k] = .array(items.filter { $0["$patch"] == nil })
                }
            case (let cur?, .object):
                o[k] = merge(cur, v, keys: keys)
            case (nil, .object):
                o[k] = merge(.object(JSONObject()), v, keys: keys)
            default:
                o[k] = v
            }
        }
        if case .array(let retain)? = p["$retainKeys"] {
            let keep = Set(retain.compactMap(\.stringValue))
            for k in o.keys where !keep.contains(k) { o[k] = nil }
        }
        return .object(o)
    }

    private static func mergeList(_ current: [JSONValue], _ patch: [JSONValue], key: String, keys: [String: String]) -> [JSONValue] {
        if patch.contains(where: { $0["$patch"]?.stringValue == "replace" }) {
            return patch.filter { $0["$patch"] == nil }
        }
        var out = current
        var index: [JSONValue: Int] = [:]
        for (i, e) in out.enumerated() { if let kv = e[key] { index[kv] = i } }
        var removed = Set<Int>()
        for e in patch {
            guard let kv = e[key] else { out.append(e); continue }
            if let i = index[kv] {
                if let m = merge(out[i], e, keys: keys) { out[i] = m } else { removed.insert(i) }
            } else if e["$patch"]?.stringValue != "delete" {
                index[kv] = out.count
                out.append(merge(.object(JSONObject()), e, keys: keys) ?? e)
            }
        }
        return out.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }
}
