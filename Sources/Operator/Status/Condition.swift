import JSON

/// A metav1.Condition as the operator computes it. `lastTransitionTime` is left
/// to `ConditionMerge`, which keeps the old time when the status did not change.
struct Condition: Sendable, Equatable {
    enum Status: String, Sendable, Equatable {
        case `true` = "True", `false` = "False", unknown = "Unknown"
    }

    var type: String
    var status: Status
    /// UpperCamelCase, as Kubernetes conventions ask ("Deployed", "Conflict").
    var reason: String
    var message: String
    var observedGeneration: Int64?

    init(type: String, status: Status, reason: String, message: String, observedGeneration: Int64? = nil) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.observedGeneration = observedGeneration
    }

    /// The API form, with the given transition time.
    func json(lastTransitionTime: String) -> JSONValue {
        var o: JSONObject = ["type": .string(type), "status": .string(status.rawValue)]
        if let observedGeneration { o["observedGeneration"] = .int(observedGeneration) }
        o["lastTransitionTime"] = .string(lastTransitionTime)
        o["reason"] = .string(reason)
        o["message"] = .string(message)
        return .object(o)
    }
}
