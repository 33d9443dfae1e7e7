/// Field path helpers, so paths are spelled the same way everywhere.
enum FieldPath {
    static func child(_ base: String, _ key: String) -> String { base.isEmpty ? key : base + "." + key }
    static func index(_ base: String, _ i: Int) -> String { base + "[" + String(i) + "]" }
    /// Map keys that are not identifiers ("app.kubernetes.io/name") are bracketed.
    static func mapKey(_ base: String, _ key: String) -> String { base + "[" + key + "]" }
}
