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

/// The JSONPath subset printer columns and selectable fields use: `.a.b`, `.a[0].b`, `.a[*].b`.
enum JSONPathLite {
    static func evaluate(_ path: String, _ root: JSONValue) -> [JSONValue] {
        var p = path
        if p.hasPrefix("{") && p.hasSuffix("}") { p = String(p.dropFirst().dropLast()) }
        var current: [JSONValue] = [root]
        for rawSeg in p.split(separator: ".", omittingEmptySubsequences: true) {
            var seg = Substring(rawSeg)
            var index: String?
            if let open = seg.firstIndex(of: "["), seg.hasSuffix("]") {
                index = String(seg[seg.index(after: open)..<seg.index(before: seg.endIndex)])
                seg = seg[..<open]
            }
            var next: [JSONValue] = []
            for v in current {
                guard let child = seg.isEmpty ? v : v[String(seg)] else { continue }
                if let idx = index {
                    guard case .array(let a) = child else { continue }
                    if idx == "*" { next.append(contentsOf: a) }
                    else if let i = Int(idx) { let j = i < 0 ? a.count + i : i; if a.indices.contains(j) { next.append(a[j]) } }
                } else {
                    next.append(child)
                }
            }
            current = next
        }
        return current
    }
}
