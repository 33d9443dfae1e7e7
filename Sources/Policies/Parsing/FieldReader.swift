import JSON

/// Typed reads of an object's members that report type errors by path, so the
/// parsers read like the schema instead of nesting switch statements.
struct FieldReader {
    let object: JSONObject
    let path: String

    /// nil (after reporting) when `value` is not an object.
    init?(_ value: JSONValue, at path: String, issues: inout IssueCollector) {
        guard case .object(let o) = value else {
            issues.add(path, "expected an object, got \(value.typeName)")
            return nil
        }
        self.object = o
        self.path = path
    }

    func has(_ key: String) -> Bool { object[key] != nil && object[key] != .null }

    func childPath(_ key: String) -> String { FieldPath.child(path, key) }

    /// Reports members not in `known`, naming the fields that are allowed.
    /// `reported` keys already got a more specific message.
    func rejectUnknown(_ known: [String], reported: [String] = [], issues: inout IssueCollector) {
        for key in object.keys where !known.contains(key) && !reported.contains(key) {
            issues.add(childPath(key), "unknown field; allowed fields here are \(known.joined(separator: ", "))")
        }
    }

    func bool(_ key: String, default value: Bool, issues: inout IssueCollector) -> Bool {
        typed(key, "true or false", issues: &issues) { $0.boolValue } ?? value
    }

    func string(_ key: String, issues: inout IssueCollector) -> String? {
        typed(key, "a string", issues: &issues) { $0.stringValue }
    }

    func int(_ key: String, issues: inout IssueCollector) -> Int64? {
        // A quoted number is the usual YAML slip; say how to fix it.
        let hint = object[key]?.stringValue.flatMap { Int64($0) == nil ? nil : " \"\($0)\"; write it without quotes" } ?? ""
        return typed(key, "an integer", hint: hint, issues: &issues) { $0.intValue }
    }

    func array(_ key: String, issues: inout IssueCollector) -> [JSONValue]? {
        typed(key, "a list", issues: &issues) { $0.arrayValue }
    }

    func objectValue(_ key: String, issues: inout IssueCollector) -> JSONObject? {
        typed(key, "an object", issues: &issues) { $0.objectValue }
    }

    /// nil when absent or null; reports "expected <what>, got <type>" when the type is wrong.
    private func typed<T>(_ key: String, _ what: String, hint: String = "", issues: inout IssueCollector,
                          _ extract: (JSONValue) -> T?) -> T? {
        guard let v = object[key], v != .null else { return nil }
        guard let t = extract(v) else {
            issues.add(childPath(key), "expected \(what), got \(v.typeName)\(hint)")
            return nil
        }
        return t
    }
}
