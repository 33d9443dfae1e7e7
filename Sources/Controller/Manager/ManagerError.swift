import HTTPServer
import Kube

/// Why a manager could not start or had to stop.
public enum ManagerError: Error, Sendable, CustomStringConvertible {
    case options(OptionsError)
    case kubeconfig(String)
    case client(KubeError)
    case metrics(MetricsError)
    case healthServer(HTTPServerError)
    /// Caches of these resources did not sync in time (RBAC? CRD not installed?).
    case cacheSyncTimeout([String])
    /// Another replica may be leading: exit so the process restarts as a follower.
    case leadershipLost

    public var description: String {
        switch self {
        case .options(let e): return e.description
        case .kubeconfig(let m): return "cannot load the Kubernetes client configuration: \(m)"
        case .client(let e): return "cannot create the Kubernetes client: \(e)"
        case .metrics(let e): return "cannot register metrics: \(e)"
        case .healthServer(let e): return "cannot serve metrics/health probes: \(e)"
        case .cacheSyncTimeout(let r):
            return "caches did not sync: \(r.joined(separator: ", ")); check RBAC (list/watch) and that the CRDs are installed"
        case .leadershipLost: return "lost the leader lease; exiting so a restart rejoins as a follower"
        }
    }
}
