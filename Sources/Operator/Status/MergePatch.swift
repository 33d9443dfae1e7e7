import JSON

/// Builds RFC 7386 merge patches: the smallest object that turns one value into another.
enum MergePatch {
    /// The patch from `old` to `new`; nil when they are equal. Members present in
    /// `old` but not in `new` become `null` (deletion); arrays are replaced whole.
    static func diff(from old: JSONValue?, to new: JSONValue) -> JSONValue? {
        guard let old else { return new }
        if old == new { return nil }
        guard case .object(let o) = old, case .object(let n) = new else { return new }
        var patch = JSONObject()
        for (key, value) in n.pairs {
            if let d = diff(from: o[key], to: value) { patch[key] = d }
        }
        for key in o.keys where n[key] == nil { patch[key] = .null }
        return patch.isEmpty ? nil : .object(patch)
    }
}
