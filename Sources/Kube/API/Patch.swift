import JSON

/// A patch and its content type.
public enum Patch: Sendable, Hashable {
    /// RFC 7386 JSON merge patch.
    case merge(JSONValue)
    /// RFC 6902 JSON patch operations.
    case json([JSONValue])
    case strategicMerge(JSONValue)
    /// Server-side apply of a full intent object.
    case apply(JSONValue, fieldManager: String, force: Bool)

    var contentType: String {
        switch self {
        case .merge: return "application/merge-patch+json"
        case .json: return "application/json-patch+json"
        case .strategicMerge: return "application/strategic-merge-patch+json"
        case .apply: return "application/apply-patch+yaml"
        }
    }

    var body: JSONValue {
        switch self {
        case .merge(let v), .strategicMerge(let v), .apply(let v, _, _): return v
        case .json(let ops): return .array(ops)
        }
    }
}
