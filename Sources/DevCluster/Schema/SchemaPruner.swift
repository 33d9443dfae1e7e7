import JSON

/// Drops members a structural schema does not declare (kube-apiserver's pruning), reporting
/// their paths so fieldValidation=Strict|Warn can name them.
enum SchemaPruner {
    /// `isResourceRoot` keeps apiVersion, kind and metadata, which every object (and embedded resource) has.
    static func prune(_ v: inout JSONValue, _ s: StructuralSchema, path: String, isResourceRoot: Bool,
                      unknown: inout [String]) {
        switch v {
        case .object(var o):
            // Take ownership so nested mutation does not copy the whole tree.
            v = .null
            let prefix = path.isEmpty ? "" : path + "."
            for k in o.keys {
                if isResourceRoot && (k == "apiVersion" || k == "kind" || k == "metadata") { continue }
                if let child = s.child(k) {
                    if var c = o.removeValueKeepingOrder(k) {
                        prune(&c, child, path: prefix + k, isResourceRoot: child.embeddedResource, unknown: &unknown)
                        o[k] = c
                    }
                } else if !s.keepsUnknown {
                    o[k] = nil
                    unknown.append(prefix + k)
                }
            }
            v = .object(o)
        case .array(var a):
            guard let items = s.items else { return }
            v = .null
            for i in a.indices {
                prune(&a[i], items, path: "\(path)[\(i)]", isResourceRoot: items.embeddedResource, unknown: &unknown)
            }
            v = .array(a)
        default:
            return
        }
    }
}

extension JSONObject {
    /// Reads a value for in-place mutation; the caller writes it back, which keeps the key's position.
    mutating func removeValueKeepingOrder(_ key: String) -> JSONValue? {
        guard let v = self[key] else { return nil }
        self[key] = .null
        return v
    }
}

/// Applies schema `default`s to absent members (and to nulls of non-nullable fields), as kube-apiserver does.
enum SchemaDefaulter {
    static func apply(_ v: inout JSONValue, _ s: StructuralSchema) {
        switch v {
        case .object(var o):
            v = .null
            for (k, child) in s.properties {
                if let d = child.defaultValue, o[k] == nil || (o[k]?.isNull == true && !child.nullable) {
                    o[k] = d
                }
            }
            for k in o.keys {
                guard let child = s.child(k), var c = o.removeValueKeepingOrder(k) else { continue }
                apply(&c, child)
                o[k] = c
            }
            v = .object(o)
        case .array(var a):
            guard let items = s.items else { return }
            v = .null
            for i in a.indices { apply(&a[i], items) }
            v = .array(a)
        default:
            return
        }
    }
}
