import Foundation
import JSON

/// Shorthands for the metadata members the store reads and writes on raw objects.
extension JSONValue {
    var metaName: String { self[path: ["metadata", "name"]]?.stringValue ?? "" }
    var metaNamespace: String { self[path: ["metadata", "namespace"]]?.stringValue ?? "" }
    var metaUID: String { self[path: ["metadata", "uid"]]?.stringValue ?? "" }
    var metaResourceVersion: String { self[path: ["metadata", "resourceVersion"]]?.stringValue ?? "" }
    var metaLabels: JSONObject? { self[path: ["metadata", "labels"]]?.objectValue }
    var metaFinalizers: [String] { self[path: ["metadata", "finalizers"]]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var metaDeletionTimestamp: String? { self[path: ["metadata", "deletionTimestamp"]]?.stringValue }
    var metaOwnerUIDs: [String] {
        self[path: ["metadata", "ownerReferences"]]?.arrayValue?.compactMap { $0["uid"]?.stringValue } ?? []
    }

    /// Sets (or with nil removes) one metadata member.
    mutating func setMeta(_ key: String, _ value: JSONValue?) {
        var m = self["metadata"]?.objectValue ?? JSONObject()
        m[key] = value
        self["metadata"] = .object(m)
    }

    func removingMeta(_ keys: [String]) -> JSONValue {
        var c = self
        for k in keys { c.setMeta(k, nil) }
        return c
    }
}

/// RFC 3339 timestamps at second precision, as kube-apiserver writes them.
enum Timestamp {
    static func now() -> String { string(Date()) }
    static func string(_ d: Date) -> String { d.formatted(Date.ISO8601FormatStyle()) }
    static func parse(_ s: String) -> Date? { try? Date(s, strategy: .iso8601) }
}
