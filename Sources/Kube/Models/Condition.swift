/// metav1.Condition, the standard status condition.
public struct Condition: Codable, Sendable, Hashable {
    public var type: String
    /// "True", "False" or "Unknown".
    public var status: String
    public var observedGeneration: Int64?
    public var lastTransitionTime: String
    public var reason: String
    public var message: String

    public init(type: String, status: String, observedGeneration: Int64? = nil, lastTransitionTime: String, reason: String, message: String) {
        self.type = type
        self.status = status
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}
