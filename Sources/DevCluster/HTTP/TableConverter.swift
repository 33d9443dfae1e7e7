import Foundation
import JSON

/// Builds `meta.k8s.io/v1` Table responses: what `kubectl get` prints (Name plus printer columns).
enum TableConverter {
    enum IncludeObject: String { case none = "None", metadata = "Metadata", object = "Object" }

    static func table(_ t: ResourceType, items: [JSONValue], resourceVersion: Int64?, continueToken: String?,
                      remaining: Int?, include: IncludeObject, now: Date = Date()) -> JSONValue {
        var columns: [JSONValue] = [[
            "name": "Name", "type": "string", "format": "name", "priority": 0,
            "description": "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
        ]]
        for c in t.printerColumns {
            columns.append(["name": .string(c.name), "type": .string(c.type), "format": .string(c.format),
                            "description": .string(c.description), "priority": .int(Int64(c.priority))])
        }
        var rows: [JSONValue] = []
        rows.reserveCapacity(items.count)
        for item in items {
            var cells: [JSONValue] = [.string(item.metaName)]
            for c in t.printerColumns { cells.append(cell(c, item, now: now)) }
            var row: JSONValue = ["cells": .array(cells)]
            switch include {
            case .none: break
            case .object: row["object"] = item
            case .metadata:
                row["object"] = ["kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                                 "metadata": item["metadata"] ?? [:]]
            }
            rows.append(row)
        }
        var meta = JSONObject()
        if let rv = resourceVersion { meta["resourceVersion"] = .string(String(rv)) }
        if let c = continueToken { meta["continue"] = .string(c) }
        if let r = remaining { meta["remainingItemCount"] = .int(Int64(r)) }
        return ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(meta),
                "columnDefinitions": .array(columns), "rows": .array(rows)]
    }

    static func cell(_ c: PrinterColumn, _ o: JSONValue, now: Date) -> JSONValue {
        if c.jsonPath.hasPrefix("#") { return special(c.jsonPath, o) }
        let values = JSONPathLite.evaluate(c.jsonPath, o)
        guard let first = values.first else { return .null }
        switch c.type {
        case "date":
            guard let s = first.stringValue, let d = Timestamp.parse(s) else { return .null }
            return .string(humanDuration(now.timeIntervalSince(d)))
        case "integer": return first.intValue.map { .int($0) } ?? .null
        case "number": return first.doubleValue.map { .double($0) } ?? .null
        case "boolean": return first.boolValue.map { .bool($0) } ?? .null
        default:
            let texts = values.map { v -> String in v.stringValue ?? JSONWriter.string(v) }
            return .string(texts.joined(separator: ","))
        }
    }

    /// Columns kube-apiserver computes in Go for built-ins.
    private static func special(_ path: String, _ o: JSONValue) -> JSONValue {
        switch path {
        case "#count:.data,.binaryData": return .int(Int64((o["data"]?.objectValue?.count ?? 0) + (o["binaryData"]?.objectValue?.count ?? 0)))
        case "#count:.data": return .int(Int64(o["data"]?.objectValue?.count ?? 0))
        case "#ports":
            let ports = (o[path: ["spec", "ports"]]?.arrayValue ?? []).map { p in
                "\(p["port"]?.intValue ?? 0)/\(p["protocol"]?.stringValue ?? "TCP")"
            }
            return .string(ports.isEmpty ? "<none>" : ports.joined(separator: ","))
        case "#involved":
            let i = o["involvedObject"] ?? [:]
            return .string("\((i["kind"]?.stringValue ?? "").lowercased())/\(i["name"]?.stringValue ?? "")")
        case "#slicePorts":
            let ports = (o["ports"]?.arrayValue ?? []).compactMap { $0["port"]?.intValue }.map(String.init)
            return .string(ports.isEmpty ? "<unset>" : ports.joined(separator: ","))
        case "#sliceEndpoints":
            let addrs = (o["endpoints"]?.arrayValue ?? []).flatMap { $0["addresses"]?.arrayValue ?? [] }.compactMap(\.stringValue)
            return .string(addrs.isEmpty ? "<unset>" : addrs.prefix(3).joined(separator: ",") + (addrs.count > 3 ? " + \(addrs.count - 3) more..." : ""))
        default: return .null
        }
    }

    /// Go's `duration.HumanDuration`, which kubectl's AGE column shows.
    static func humanDuration(_ interval: TimeInterval) -> String {
        let seconds = Int(interval)
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 { return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s" }
        if minutes < 180 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 { return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(hours % 24)h" }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let dy = hours / 24 % 365
            return dy == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(dy)d"
        }
        return "\(hours / 24 / 365)y"
    }
}

/// The JSONPath subset printer columns and selectable fields use: `.a.b`, `.a[0].b`,
/// `.a[*].b`, `['a.b']`, and filters such as `.conditions[?(@.type=="Ready")].status`
/// (==, != and existence), as kube-apiserver's client-go jsonpath evaluates them.
enum JSONPathLite {
    static func evaluate(_ path: String, _ root: JSONValue) -> [JSONValue] {
        var p = Substring(path)
        if p.hasPrefix("{") && p.hasSuffix("}") { p = p.dropFirst().dropLast() }
        if p.hasPrefix("$") { p = p.dropFirst() }
        var current: [JSONValue] = [root]
        var i = p.startIndex
        while i < p.endIndex, !current.isEmpty {
            let c = p[i]
            if c == "." {
                i = p.index(after: i)
                let end = p[i...].firstIndex { $0 == "." || $0 == "[" } ?? p.endIndex
                let name = String(p[i..<end])
                if !name.isEmpty { current = current.compactMap { $0[name] } }
                i = end
            } else if c == "[" {
                guard let close = closingBracket(p, from: i) else { return [] }
                let inner = p[p.index(after: i)..<close]
                current = apply(bracket: inner, to: current)
                i = p.index(after: close)
            } else {
                let end = p[i...].firstIndex { $0 == "." || $0 == "[" } ?? p.endIndex
                current = current.compactMap { $0[String(p[i..<end])] }
                i = end
            }
        }
        return current
    }

    /// The `]` that closes the `[` at `open`, skipping quoted text and parentheses.
    private static func closingBracket(_ p: Substring, from open: Substring.Index) -> Substring.Index? {
        var depth = 0
        var quote: Character?
        var i = p.index(after: open)
        while i < p.endIndex {
            let c = p[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
            } else if c == "]" && depth == 0 {
                return i
            }
            i = p.index(after: i)
        }
        return nil
    }

    private static func apply(bracket inner: Substring, to values: [JSONValue]) -> [JSONValue] {
        let s = inner.trimmingCharacters(in: .whitespaces)
        if s == "*" {
            return values.flatMap { v -> [JSONValue] in
                if case .array(let a) = v { return a }
                if case .object(let o) = v { return o.values }
                return []
            }
        }
        if let i = Int(s) {
            // Typed Optional: a bare `nil` would become JSONValue.null (it is nil-literal expressible).
            return values.compactMap { v -> JSONValue? in
                guard case .array(let a) = v else { return Optional.none }
                let j = i < 0 ? a.count + i : i
                return a.indices.contains(j) ? a[j] : Optional.none
            }
        }
        if let name = unquote(s) { return values.compactMap { $0[name] } }
        if s.hasPrefix("?("), s.hasSuffix(")") {
            let expr = String(s.dropFirst(2).dropLast())
            return values.flatMap { v -> [JSONValue] in
                guard case .array(let a) = v else { return [] }
                return a.filter { matches(expr, $0) }
            }
        }
        return []
    }

    private static func unquote(_ s: String) -> String? {
        guard s.count >= 2, let f = s.first, f == "'" || f == "\"", s.last == f else { return nil }
        return String(s.dropFirst().dropLast())
    }

    /// `@.a.b == 'x'`, `@.a != 3`, or `@.a` (the field exists).
    private static func matches(_ expr: String, _ element: JSONValue) -> Bool {
        for op in ["==", "!="] {
            if let r = expr.range(of: op) {
                let lhs = expr[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                let rhs = expr[r.upperBound...].trimmingCharacters(in: .whitespaces)
                guard lhs.hasPrefix("@") else { return false }
                let found = evaluate(String(lhs.dropFirst()), element)
                let literal = literalValue(rhs)
                let equal = found.contains { sameValue($0, literal) }
                return op == "==" ? equal : !found.isEmpty && !equal
            }
        }
        let path = expr.trimmingCharacters(in: .whitespaces)
        guard path.hasPrefix("@") else { return false }
        return !evaluate(String(path.dropFirst()), element).isEmpty
    }

    private static func literalValue(_ s: String) -> JSONValue {
        if let q = unquote(s) { return .string(q) }
        if s == "true" { return .bool(true) }
        if s == "false" { return .bool(false) }
        if let i = Int64(s) { return .int(i) }
        if let d = Double(s) { return .double(d) }
        return .string(s)
    }

    private static func sameValue(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.doubleValue, let y = b.doubleValue { return x == y }
        return a == b
    }
}
