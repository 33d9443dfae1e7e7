import Controller
import Kube

/// Why a reconcile must be retried; the controller backs off per key and the
/// case name becomes the errors-by-kind metric label.
public enum OperatorError: Error, Sendable, Equatable, CustomStringConvertible, ReconcileErrorKind {
    /// Cilium's CRD is not installed; the status says so and the reconcile is retried with backoff.
    case ciliumUnavailable(namespace: String, name: String)
    /// Cilium's CRD is served but the CiliumNetworkPolicy cache has not listed yet.
    case ciliumCacheNotSynced
    /// An API call failed; `action` says which ("create CiliumNetworkPolicy shop/web").
    case api(action: String, error: KubeError)

    public var description: String {
        switch self {
        case .ciliumUnavailable(let ns, let name):
            return "\(ns)/\(name): the CiliumNetworkPolicy CRD is not installed; retrying with backoff"
        case .ciliumCacheNotSynced:
            return "the CiliumNetworkPolicy cache has not listed yet (check list/watch RBAC on ciliumnetworkpolicies.cilium.io); retrying with backoff"
        case .api(let action, let error):
            return "\(action): \(error)"
        }
    }

    public var errorKind: String {
        switch self {
        case .ciliumUnavailable: return "CiliumUnavailable"
        case .ciliumCacheNotSynced: return "CiliumCacheNotSynced"
        case .api(_, let e) where e.isConflict: return "Conflict"
        case .api(_, let e) where e.isAlreadyExists: return "AlreadyExists"
        case .api: return "APIError"
        }
    }
}
