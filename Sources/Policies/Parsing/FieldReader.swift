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
    func rejectUnknown(_ known: [String], issues: inout IssueCollector) {
        for key in object.keys where !known.contains(key) {
            issues.add(childPath(key), "unknown field; allowed fields here are \(known.joined(separator: ", "))")
        }
    }

    func bool(_ key: String, default value: Bool, issues: inout IssueCollector) -> Bool {
        guard let v = object[key], v != .null else { return value }
        guard case .bool(let b) = v else {
            issues.add(childPath(key), "expected true or false, got \(v.typeName)")
            return value
        }
        return b
    }

    func string(_ key: String, issues: inout IssueCollector) -> String? {
        guard let v = object[key], v != .null else { return nil }
        guard case .string(let s) = v else {
            issues.add(childPath(key), "expected a string, got \(v.typeName)")
            return nil
        }
        return s
    }

    func int(_ key: String, issues: inout IssueCollector) -> Int64? {
        guard let v = object[key], v != .null else { return nil }
        guard let i = v.intValue else {
            issues.add(childPath(key), "expected an integer, got \(v.typeName)" + (v.stringValue.map { " \"\($0)\"; write it without quotes" } ?? ""))
            return nil
        }
        return i
    }

    func array(_ key: String, issues: inout IssueCollector) -> [JSONValue]? {
        guard let v = object[key], v != .null else { return nil }
        guard case .array(let a) = v else {
            issues.add(childPath(key), "expected a list, got \(v.typeName)")
            return nil
        }
        return a
    }

    func objectValue(_ key: String, issues: inout IssueCollector) -> JSONObject? {
        guard let v = object[key], v != .null else { return nil }
        guard case .object(let o) = v else {
            issues.add(childPath(key), "expected an object, got \(v.typeName)")
            return nil
        }
        return o
    }
}
