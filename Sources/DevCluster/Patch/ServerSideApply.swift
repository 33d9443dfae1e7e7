import JSON

/// Server-side apply, simplified: the configuration merges into the live object (keyed lists by
/// their merge keys, other lists replaced), and fields this manager applied before but no longer
/// applies are removed. Conflicts between managers are not detected (see docs/devcluster.md).
enum ServerSideApply {
    static func apply(_ config: JSONValue, to live: JSONValue, manager: String, keys: [String: String]) -> JSONValue {
        var merged = StrategicMerge.merge(live, strip(config), keys: keys) ?? live
        let previous = live[path: ["metadata", "managedFields"]]?.arrayValue?.first {
            $0["manager"]?.stringValue == manager && $0["operation"]?.stringValue == "Apply"
        }?["fieldsV1"]
        if let prev = previous {
            removeStale(&merged, prev, FieldSet.applied(config), depth: 0)
        }
        return merged
    }

    /// Nulls in an apply configuration mean "no opinion"; lists replace wholesale unless keyed.
    private static func strip(_ v: JSONValue) -> JSONValue {
        guard case .object(let o) = v else { return v }
        var out = JSONObject()
        for (k, e) in o where !e.isNull { out[k] = strip(e) }
        return .object(out)
    }

    private static func removeStale(_ obj: inout JSONValue, _ prev: JSONValue, _ now: JSONValue, depth: Int) {
        guard case .object(let p) = prev, case .object(var o) = obj else { return }
        for (fk, sub) in p where fk.hasPrefix("f:") {
            let k = String(fk.dropFirst(2))
            if depth == 1 && (k == "name" || k == "namespace") { continue }
            if now[fk] == nil {
                o[k] = nil
            } else if var child = o[k], let n = now[fk] {
                removeStale(&child, sub, n, depth: depth + 1)
                o[k] = child
            }
        }
        obj = .object(o)
    }
}

/// managedFields' FieldsV1 shape: `{"f:spec":{"f:replicas":{}}}`; lists are owned as a whole.
enum FieldSet {
    /// What an apply configuration owns: everything but the identifying fields.
    static func applied(_ config: JSONValue) -> JSONValue {
        var c = config
        c["apiVersion"] = nil
        c["kind"] = nil
        c = c.removingMeta(["name", "namespace"])
        if c["metadata"]?.objectValue?.isEmpty == true { c["metadata"] = nil }
        return fieldsV1(of: c)
    }

    static func fieldsV1(of v: JSONValue) -> JSONValue {
        guard case .object(let o) = v else { return .object(JSONObject()) }
        var out = JSONObject()
        for (k, e) in o {
            if case .object(let inner) = e, !inner.isEmpty {
                var child = fieldsV1(of: e).objectValue ?? JSONObject()
                child["."] = [:]
                out["f:" + k] = .object(child)
            } else {
                out["f:" + k] = .object(JSONObject())
            }
        }
        return .object(out)
    }
}
