extension JSONValue {
    /// RFC 7386 JSON merge patch: objects merge recursively, null deletes,
    /// anything else replaces.
    public func mergePatched(with patch: JSONValue) -> JSONValue {
        guard case .object(let p) = patch else { return patch }
        var target: JSONObject
        if case .object(let t) = self { target = t } else { target = JSONObject() }
        for (k, v) in p {
            if v.isNull {
                target[k] = nil
            } else {
                target[k] = (target[k] ?? .null).mergePatched(with: v)
            }
        }
        return .object(target)
    }
}
