import Foundation
import JSON

/// The subset of JSON Schema the Cilium CRD schema uses (type, properties,
/// additionalProperties, required, enum, pattern, lengths, bounds, items,
/// oneOf, anyOf), enough to check that rendered policies fit the schema the
/// way an API server with fieldValidation=Strict would.
struct JSONSchemaValidator {
    let root: JSONValue
    private var regexCache: [String: NSRegularExpression] = [:]

    init(schema: JSONValue) { root = schema }

    mutating func errors(_ value: JSONValue) -> [String] {
        var out: [String] = []
        check(value, root, "", &out)
        return out
    }

    private mutating func check(_ v: JSONValue, _ s: JSONValue, _ path: String, _ out: inout [String]) {
        if let type = s["type"]?.stringValue, !matches(type: type, v) {
            out.append("\(path): expected \(type), got \(v.typeName)")
            return
        }
        if let values = s["enum"]?.arrayValue, !values.contains(v) { out.append("\(path): \(v) not in enum") }
        if case .string(let str) = v {
            if let max = s["maxLength"]?.intValue, str.count > max { out.append("\(path): longer than \(max)") }
            if let p = s["pattern"]?.stringValue, !matches(pattern: p, str) { out.append("\(path): \"\(str)\" does not match \(p)") }
        }
        if let n = v.doubleValue, v.intValue != nil {
            if let min = s["minimum"]?.doubleValue, n < min { out.append("\(path): below \(min)") }
            if let max = s["maximum"]?.doubleValue, n > max { out.append("\(path): above \(max)") }
        }
        if case .array(let items) = v {
            if let max = s["maxItems"]?.intValue, items.count > max { out.append("\(path): more than \(max) items") }
            if let min = s["minItems"]?.intValue, items.count < min { out.append("\(path): fewer than \(min) items") }
            if let itemSchema = s["items"] {
                for (i, item) in items.enumerated() { check(item, itemSchema, "\(path)[\(i)]", &out) }
            }
        }
        if case .object(let o) = v {
            let props = s["properties"]?.objectValue
            for key in (s["required"]?.arrayValue ?? []).compactMap(\.stringValue) where o[key] == nil {
                out.append("\(path): missing required \(key)")
            }
            for (k, child) in o {
                if let ps = props?[k] {
                    check(child, ps, "\(path).\(k)", &out)
                } else if let ap = s["additionalProperties"] {
                    if ap == .bool(false) { out.append("\(path).\(k): unknown field") }
                    else if case .object = ap { check(child, ap, "\(path).\(k)", &out) }
                }
            }
        }
        if let one = s["oneOf"]?.arrayValue {
            let n = one.filter { sub in var e: [String] = []; check(v, sub, path, &e); return e.isEmpty }.count
            if n != 1 { out.append("\(path): matches \(n) of oneOf") }
        }
        if let any = s["anyOf"]?.arrayValue {
            let ok = any.contains { sub in var e: [String] = []; check(v, sub, path, &e); return e.isEmpty }
            if !ok { out.append("\(path): matches none of anyOf") }
        }
    }

    private func matches(type: String, _ v: JSONValue) -> Bool {
        switch (type, v) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("integer", .int): return true
        case ("number", .int), ("number", .double): return true
        default: return false
        }
    }

    private mutating func matches(pattern: String, _ s: String) -> Bool {
        let re: NSRegularExpression
        if let cached = regexCache[pattern] { re = cached } else {
            // Go's RE2 writes one-letter classes as \PC; ICU wants \P{C}.
            let icu = pattern.replacingOccurrences(of: #"\PC"#, with: #"\P{C}"#)
            guard let compiled = try? NSRegularExpression(pattern: icu) else { return false }
            regexCache[pattern] = compiled
            re = compiled
        }
        return re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
}
