import JSON

/// The status an object should have and the merge patch that gets it there.
/// Only `ownedKeys` are touched, so fields other controllers write (traffic,
/// alerts) survive; conditions of other types survive too (see ConditionMerge).
struct StatusUpdate: Equatable {
    /// The complete desired status.
    var status: JSONValue
    /// `{"status": ...}` for the /status subresource; nil when nothing changed.
    var patch: JSONValue?

    /// - Parameters:
    ///   - live: the object's current `status` (nil when it has none).
    ///   - fields: our fields except conditions; an owned key absent here is removed.
    static func compute(live: JSONValue?, ownedKeys: [String], fields: JSONObject, conditions: [Condition],
                        now: String) -> StatusUpdate {
        var desired = live?.objectValue ?? JSONObject()
        for key in ownedKeys where key != "conditions" { desired[key] = fields[key] }
        desired["conditions"] = ConditionMerge.merge(live: live?["conditions"], computed: conditions, now: now)
        let status = JSONValue.object(desired)
        let patch = MergePatch.diff(from: live ?? .object(JSONObject()), to: status).map { JSONValue.object(["status": $0]) }
        return StatusUpdate(status: status, patch: patch)
    }
}
