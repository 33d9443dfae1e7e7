/// Condition types and reasons of ContainerNetworkPolicy status.
enum PolicyConditions {
    static let valid = "Valid"
    static let ready = "Ready"

    enum Reason {
        static let valid = "Valid"
        static let invalid = "Invalid"
        static let deployed = "Deployed"
        static let lastGoodKept = "LastValidPolicyKept"
        static let notDeployed = "NotDeployed"
        static let conflict = "Conflict"
        static let ciliumUnavailable = "CiliumUnavailable"
        static let rejected = "Rejected"
    }

    /// Status keys the policy reconciler owns (all of them).
    static let ownedKeys = ["observedGeneration", "conditions", "mode", "enabled", "alert", "summary", "warnings",
                            "policyName", "policyHash"]
}
