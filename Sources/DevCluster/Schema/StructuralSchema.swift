import Foundation
import JSON

/// An OpenAPI v3 schema compiled once (at CRD registration) into a tree that validation,
/// pruning and defaulting walk without re-reading JSON or recompiling patterns.
final class StructuralSchema: Sendable {
    let type: String?
    let format: String?
    let properties: [String: StructuralSchema]
    let required: [String]
    /// `additionalProperties` as a schema (maps); `allowsAdditional` covers `true`.
    let additionalProperties: StructuralSchema?
    let allowsAdditional: Bool
    let items: StructuralSchema?
    let enumValues: [JSONValue]?
    let pattern: Pattern?
    let minimum: Double?
    let maximum: Double?
    let exclusiveMinimum: Bool
    let exclusiveMaximum: Bool
    let multipleOf: Double?
    let minLength: Int?
    let maxLength: Int?
    let minItems: Int?
    let maxItems: Int?
    let minProperties: Int?
    let maxProperties: Int?
    let uniqueItems: Bool
    let oneOf: [StructuralSchema]
    let anyOf: [StructuralSchema]
    let allOf: [StructuralSchema]
    let not: StructuralSchema?
    let nullable: Bool
    let preserveUnknownFields: Bool
    let intOrString: Bool
    let embeddedResource: Bool
    let listType: String?
    let listMapKeys: [String]
    let defaultValue: JSONValue?
    let hasCELRules: Bool

    /// A compiled `pattern`; NSRegularExpression is thread-safe for matching.
    struct Pattern: @unchecked Sendable {
        let source: String
        let regex: NSRegularExpression
        func matches(_ s: String) -> Bool {
            regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        }
    }

    /// Compiles `json`; `path` names the schema location in errors ("spec.versions[0].schema.openAPIV3Schema").
    init(_ json: JSONValue, path: String) throws(APIError) {
        guard case .object(let o) = json else {
            throw .badRequest("\(path): must be an object")
        }
        func string(_ k: String) -> String? { o[k]?.stringValue }
        func int(_ k: String) -> Int? { o[k]?.intValue.map { Int($0) } }
        type = string("type")
        format = string("format")
        var props: [String: StructuralSchema] = [:]
        if case .object(let p) = o["properties"] {
            props.reserveCapacity(p.count)
            for (k, v) in p { props[k] = try StructuralSchema(v, path: "\(path).properties[\(k)]") }
        }
        properties = props
        required = o["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        switch o["additionalProperties"] {
        case .object?:
            additionalProperties = try o["additionalProperties"].map { v throws(APIError) in
                try StructuralSchema(v, path: "\(path).additionalProperties")
            }
            allowsAdditional = true
        case .bool(let b)?:
            additionalProperties = nil
            allowsAdditional = b
        default:
            additionalProperties = nil
            allowsAdditional = false
        }
        if let i = o["items"], case .object = i {
            items = try StructuralSchema(i, path: "\(path).items")
        } else {
            items = nil
        }
        enumValues = o["enum"]?.arrayValue
        if let p = string("pattern") {
            do {
                pattern = Pattern(source: p, regex: try NSRegularExpression(pattern: Self.icuPattern(fromGo: p)))
            } catch {
                throw .badRequest("\(path).pattern: Invalid value: \"\(p)\": must be a valid regular expression")
            }
        } else {
            pattern = nil
        }
        minimum = o["minimum"]?.doubleValue
        maximum = o["maximum"]?.doubleValue
        exclusiveMinimum = o["exclusiveMinimum"]?.boolValue ?? false
        exclusiveMaximum = o["exclusiveMaximum"]?.boolValue ?? false
        multipleOf = o["multipleOf"]?.doubleValue
        minLength = int("minLength")
        maxLength = int("maxLength")
        minItems = int("minItems")
        maxItems = int("maxItems")
        minProperties = int("minProperties")
        maxProperties = int("maxProperties")
        uniqueItems = o["uniqueItems"]?.boolValue ?? false
        func list(_ k: String) throws(APIError) -> [StructuralSchema] {
            var out: [StructuralSchema] = []
            for (i, v) in (o[k]?.arrayValue ?? []).enumerated() {
                out.append(try StructuralSchema(v, path: "\(path).\(k)[\(i)]"))
            }
            return out
        }
        oneOf = try list("oneOf")
        anyOf = try list("anyOf")
        allOf = try list("allOf")
        not = try o["not"].map { v throws(APIError) in try StructuralSchema(v, path: "\(path).not") }
        nullable = o["nullable"]?.boolValue ?? false
        preserveUnknownFields = o["x-kubernetes-preserve-unknown-fields"]?.boolValue ?? false
        intOrString = o["x-kubernetes-int-or-string"]?.boolValue ?? false
        embeddedResource = o["x-kubernetes-embedded-resource"]?.boolValue ?? false
        listType = string("x-kubernetes-list-type")
        listMapKeys = o["x-kubernetes-list-map-keys"]?.arrayValue?.compactMap(\.stringValue) ?? []
        defaultValue = o["default"]
        let ownRules = !(o["x-kubernetes-validations"]?.arrayValue ?? []).isEmpty
        hasCELRules = ownRules || props.values.contains { $0.hasCELRules } || (items?.hasCELRules ?? false)
            || (additionalProperties?.hasCELRules ?? false)
    }

    /// kube-apiserver compiles patterns with Go's RE2; ICU spells a few things differently
    /// (`\pL` is `\p{L}`, `(?P<name>` is `(?<name>`).
    static func icuPattern(fromGo p: String) -> String {
        var out = ""
        out.reserveCapacity(p.utf8.count + 8)
        var chars = p.makeIterator()
        var pending: Character?
        while let c = pending ?? chars.next() {
            pending = nil
            if c == "\\" {
                guard let n = chars.next() else { out.append(c); break }
                if n == "p" || n == "P", let cls = chars.next() {
                    if cls == "{" { out += "\\\(n){" } else { out += "\\\(n){\(cls)}" }
                } else {
                    out.append(c)
                    out.append(n)
                }
            } else if c == "(" {
                out.append(c)
                guard let q = chars.next() else { break }
                if q == "?", let pch = chars.next() {
                    out.append("?")
                    if pch != "P" { pending = pch }
                } else {
                    pending = q
                }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The schema for the member `key` of an object, nil when the key is unknown.
    func child(_ key: String) -> StructuralSchema? {
        properties[key] ?? additionalProperties
    }

    /// True when unknown members of this object are kept rather than pruned.
    var keepsUnknown: Bool { preserveUnknownFields || allowsAdditional || additionalProperties != nil }
}
