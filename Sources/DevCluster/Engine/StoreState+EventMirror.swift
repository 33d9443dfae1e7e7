import JSON

/// kube-apiserver serves one Event storage through core/v1 and events.k8s.io/v1.
/// DevCluster keeps them apart but mirrors every events.k8s.io/v1 write into a
/// core/v1 Event of the same name, so `kubectl describe` and `kubectl get events`
/// (both core/v1) show what controllers record. The mirror is one-way.
extension StoreState {
    static func isEventsV1(_ t: ResourceType) -> Bool { t.group == "events.k8s.io" && t.plural == "events" }

    /// Writes the core/v1 twin of `event` (create or replace); failures only skip the mirror.
    mutating func mirrorEvent(_ event: JSONValue) {
        guard let core = types.lookup(group: "", version: "v1", plural: "events"),
              let ns = event[path: ["metadata", "namespace"]]?.stringValue,
              let name = event[path: ["metadata", "name"]]?.stringValue else { return }
        var twin = Self.coreEvent(from: event)
        if let existing = try? get(core, namespace: ns, name: name) {
            twin[path: ["metadata", "resourceVersion"]] = existing[path: ["metadata", "resourceVersion"]]
            _ = try? update(core, namespace: ns, name: name, twin, subresource: nil, WriteOptions())
        } else {
            _ = try? create(core, namespace: ns, twin, WriteOptions())
        }
    }

    mutating func unmirrorEvent(namespace: String?, name: String) {
        guard let core = types.lookup(group: "", version: "v1", plural: "events") else { return }
        _ = try? delete(core, namespace: namespace, name: name, DeleteOptions())
    }

    /// The field mapping of kube-apiserver's conversion between the two Event versions.
    static func coreEvent(from e: JSONValue) -> JSONValue {
        var meta = JSONObject()
        for key in ["name", "namespace", "labels", "annotations"] {
            if let v = e[path: ["metadata", key]] { meta[key] = v }
        }
        var o: JSONObject = ["apiVersion": "v1", "kind": "Event", "metadata": .object(meta)]
        let pairs: [(String, [String])] = [
            ("involvedObject", ["regarding"]), ("related", ["related"]), ("reason", ["reason"]), ("message", ["note"]),
            ("type", ["type"]), ("action", ["action"]), ("eventTime", ["eventTime"]),
            ("reportingComponent", ["reportingController"]), ("reportingInstance", ["reportingInstance"]),
            ("firstTimestamp", ["deprecatedFirstTimestamp"]), ("lastTimestamp", ["deprecatedLastTimestamp"]),
            ("count", ["deprecatedCount"]), ("source", ["deprecatedSource"]),
        ]
        for (coreKey, path) in pairs {
            if let v = e[path: path], !v.isNull { o[coreKey] = v }
        }
        if o["source"] == nil, let controller = e["reportingController"]?.stringValue {
            o["source"] = ["component": .string(controller)]
        }
        if let series = e["series"], !series.isNull {
            o["series"] = series
            if let count = series["count"] { o["count"] = count }
            if let last = series["lastObservedTime"] { o["lastTimestamp"] = last }
        }
        if o["count"] == nil { o["count"] = 1 }
        if o["firstTimestamp"] == nil, let t = e["eventTime"] { o["firstTimestamp"] = t }
        if o["lastTimestamp"] == nil, let t = e["eventTime"] { o["lastTimestamp"] = t }
        return .object(o)
    }
}
