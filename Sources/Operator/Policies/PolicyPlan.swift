import Controller
import JSON

/// What one ContainerNetworkPolicy reconcile should do: computed from the
/// object, the live CiliumNetworkPolicy and Cilium's presence, without I/O.
struct PolicyPlan: Sendable, Equatable {
    enum Write: Sendable, Equatable {
        case create(JSONValue)
        /// The live object with our fields set (its resourceVersion makes the update conditional).
        case update(JSONValue, changed: [String])
    }

    struct Event: Sendable, Equatable {
        var type: EventType
        var reason: String
        var note: String
    }

    var write: Write?
    /// Status fields besides conditions (absent keys are removed from the status).
    var fields: JSONObject
    var conditions: [Condition]
    /// Reported when the plan writes the CNP or changes the status, never on a no-op.
    var event: Event?
    /// Cilium's CRD is missing: retry with the controller's backoff after writing status.
    var retry: Bool
}
