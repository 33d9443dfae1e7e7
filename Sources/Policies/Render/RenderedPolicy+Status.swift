import JSON

extension RenderedPolicy {
    /// The ContainerNetworkPolicy status fields this rendering determines
    /// (mode, enabled, summary, warnings, policyName, policyHash); the
    /// reconciler adds conditions and observedGeneration.
    public var statusFields: JSONValue {
        var o: JSONObject = [
            "mode": .string(mode.rawValue), "enabled": .bool(enabled), "summary": .string(summary),
            "policyName": cnp[path: ["metadata", "name"]] ?? .null, "policyHash": .string(hash),
        ]
        // Omitted when empty so a status patch does not churn between [] and absent.
        if !warnings.isEmpty { o["warnings"] = .array(warnings.prefix(32).map { .string($0.description) }) }
        return .object(o)
    }
}
