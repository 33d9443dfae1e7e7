import Foundation
import JSON

/// Validates a value against a compiled schema, collecting kube-apiserver-style field causes.
struct SchemaValidator {
    var causes: [FieldCause] = []

    /// Validates `value` at `path` (dotted, "spec.rules[2]").
    mutating func validate(_ value: JSONValue, _ s: StructuralSchema, _ path: String) {
        if value.isNull {
            // kube-apiserver prunes/rejects nulls unless nullable; a null with no type is fine.
            if !s.nullable && s.type != nil {
                causes.append(FieldCause(reason: "FieldValueTypeInvalid",
                    message: "Invalid value: \"null\": \(path) in body must be of type \(s.type ?? "object"): \"null\"",
                    field: path))
            }
            return
        }
        if !checkType(value, s, path) { return }
        if let e = s.enumValues, !e.contains(where: { equalNumbersAware($0, value) }) {
            let supported = e.map { APIError.render($0) }.joined(separator: ", ")
            causes.append(FieldCause(reason: "FieldValueNotSupported",
                message: "Unsupported value: \(APIError.render(value)): supported values: \(supported)", field: path))
        }
        switch value {
        case .string(let str): validateString(str, s, path)
        case .int, .double: validateNumber(value, s, path)
        case .array(let a): validateArray(a, s, path)
        case .object(let o): validateObject(o, s, path)
        default: break
        }
        validateCombinators(value, s, path)
    }

    private mutating func checkType(_ v: JSONValue, _ s: StructuralSchema, _ path: String) -> Bool {
        if s.intOrString {
            switch v {
            case .string, .int: return true
            case .double where v.intValue != nil: return true
            default:
                typeError(v, "integer or string" , path)
                return false
            }
        }
        guard let t = s.type else { return true }
        let ok: Bool
        switch (t, v) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool): ok = true
        case ("integer", .int): ok = true
        case ("integer", .double): ok = v.intValue != nil
        case ("number", .int), ("number", .double): ok = true
        default: ok = false
        }
        if !ok { typeError(v, t, path) }
        return ok
    }

    private mutating func typeError(_ v: JSONValue, _ t: String, _ path: String) {
        causes.append(FieldCause(reason: "FieldValueTypeInvalid",
            message: "Invalid value: \(APIError.render(v)): \(path) in body must be of type \(t): \"\(v.typeName)\"",
            field: path))
    }

    private mutating func validateString(_ str: String, _ s: StructuralSchema, _ path: String) {
        if let max = s.maxLength, str.count > max {
            causes.append(FieldCause(reason: "FieldValueTooLong",
                message: "Too long: may not be more than \(max) bytes", field: path))
        }
        if let min = s.minLength, str.count < min {
            causes.append(.invalid(path, .string(str), "\(path) in body should be at least \(min) chars long"))
        }
        if let p = s.pattern, !p.matches(str) {
            causes.append(.invalid(path, .string(str), "\(path) in body should match '\(p.source)'"))
        }
        if let f = s.format, !Formats.isValid(str, format: f) {
            causes.append(.invalid(path, .string(str), "\(path) in body must be of type \(f): \"\(str)\""))
        }
    }

    private mutating func validateNumber(_ v: JSONValue, _ s: StructuralSchema, _ path: String) {
        guard let d = v.doubleValue else { return }
        let shown = JSONWriter.string(v)
        if let max = s.maximum, s.exclusiveMaximum ? d >= max : d > max {
            causes.append(.invalid(path, v, "\(path) in body should be less than \(s.exclusiveMaximum ? "" : "or equal to ")\(Formats.number(max))"))
        }
        if let min = s.minimum, s.exclusiveMinimum ? d <= min : d < min {
            causes.append(.invalid(path, v, "\(path) in body should be greater than \(s.exclusiveMinimum ? "" : "or equal to ")\(Formats.number(min))"))
        }
        if let m = s.multipleOf, m > 0, (d / m).rounded() != d / m {
            causes.append(.invalid(path, v, "\(path) in body should be a multiple of \(Formats.number(m))"))
        }
        _ = shown
    }

    private mutating func validateArray(_ a: [JSONValue], _ s: StructuralSchema, _ path: String) {
        if let max = s.maxItems, a.count > max {
            causes.append(FieldCause(reason: "FieldValueTooMany",
                message: "Too many: \(a.count): must have at most \(max) items", field: path))
        }
        if let min = s.minItems, a.count < min {
            causes.append(.invalid(path, .int(Int64(a.count)), "\(path) in body should have at least \(min) items"))
        }
        if let items = s.items {
            for (i, e) in a.enumerated() { validate(e, items, "\(path)[\(i)]") }
        }
        switch s.listType {
        case "set":
            var seen = Set<JSONValue>()
            for (i, e) in a.enumerated() where !seen.insert(e).inserted {
                causes.append(FieldCause(reason: "FieldValueDuplicate",
                    message: "Duplicate value: \(APIError.render(e))", field: "\(path)[\(i)]"))
            }
        case "map" where !s.listMapKeys.isEmpty:
            var seen = Set<[JSONValue]>()
            for (i, e) in a.enumerated() {
                let key = s.listMapKeys.map { e[$0] ?? .null }
                if !seen.insert(key).inserted {
                    let shown = zip(s.listMapKeys, key).map { "\"\($0)\":\(JSONWriter.string($1))" }.joined(separator: ",")
                    causes.append(FieldCause(reason: "FieldValueDuplicate",
                        message: "Duplicate value: map[string]interface {}{\(shown)}", field: "\(path)[\(i)]"))
                }
            }
        default:
            if s.uniqueItems && Set(a).count != a.count {
                causes.append(.invalid(path, .array(a), "\(path) in body shouldn't contain duplicates"))
            }
        }
    }

    private mutating func validateObject(_ o: JSONObject, _ s: StructuralSchema, _ path: String) {
        let prefix = path.isEmpty ? "" : path + "."
        for r in s.required where o[r] == nil || (o[r]?.isNull == true && s.properties[r]?.nullable != true) {
            causes.append(.required(prefix + r))
        }
        if let max = s.maxProperties, o.count > max {
            causes.append(FieldCause(reason: "FieldValueTooMany",
                message: "Too many: \(o.count): must have at most \(max) items", field: path))
        }
        if let min = s.minProperties, o.count < min {
            causes.append(.invalid(path, .int(Int64(o.count)), "\(path) in body should have at least \(min) properties"))
        }
        for (k, v) in o {
            // metadata of an embedded or top-level object is ObjectMeta: checked elsewhere.
            if let child = s.child(k) {
                validate(v, child, prefix + k)
            }
        }
    }

    /// oneOf/anyOf/allOf/not: in structural schemas these only add constraints (no types), so a
    /// branch "matches" when validating against it adds no causes.
    private mutating func validateCombinators(_ v: JSONValue, _ s: StructuralSchema, _ path: String) {
        for sub in s.allOf { validate(v, sub, path) }
        if !s.anyOf.isEmpty && !s.anyOf.contains(where: { Self.passes(v, $0, path) }) {
            causes.append(.invalid(path, v, "must validate at least one schema (anyOf)"))
        }
        if !s.oneOf.isEmpty {
            let n = s.oneOf.reduce(0) { $0 + (Self.passes(v, $1, path) ? 1 : 0) }
            if n != 1 {
                causes.append(.invalid(path, v, "must validate one and only one schema (oneOf)"))
            }
        }
        if let n = s.not, Self.passes(v, n, path) {
            causes.append(.invalid(path, v, "must not validate the schema (not)"))
        }
    }

    private static func passes(_ v: JSONValue, _ s: StructuralSchema, _ path: String) -> Bool {
        var sub = SchemaValidator()
        sub.validate(v, s, path)
        return sub.causes.isEmpty
    }

    private func equalNumbersAware(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.doubleValue, let y = b.doubleValue { return x == y }
        return a == b
    }
}
