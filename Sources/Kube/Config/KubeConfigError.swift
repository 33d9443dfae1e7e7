/// Why a kubeconfig or in-cluster configuration cannot be used.
public enum KubeConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    case fileUnreadable(path: String, reason: String)
    case syntax(path: String, reason: String)
    /// A field has the wrong type or value: "users[0].user.exec.command: required".
    case invalid(path: String, field: String, reason: String)
    case noCurrentContext(path: String)
    case contextNotFound(String)
    case clusterNotFound(name: String, context: String)
    case userNotFound(name: String, context: String)
    case noConfiguration(String)

    public var description: String {
        switch self {
        case .fileUnreadable(let p, let r): return "cannot read kubeconfig \(p): \(r)"
        case .syntax(let p, let r): return "kubeconfig \(p) is not valid YAML/JSON: \(r)"
        case .invalid(let p, let f, let r): return "kubeconfig \(p): \(f): \(r)"
        case .noCurrentContext(let p): return "kubeconfig \(p) has no current-context; pass a context or run `kubectl config use-context NAME`"
        case .contextNotFound(let c): return "context \"\(c)\" does not exist in the kubeconfig"
        case .clusterNotFound(let n, let c): return "cluster \"\(n)\" (used by context \"\(c)\") does not exist in the kubeconfig"
        case .userNotFound(let n, let c): return "user \"\(n)\" (used by context \"\(c)\") does not exist in the kubeconfig"
        case .noConfiguration(let r): return "no Kubernetes configuration found: \(r)"
        }
    }
}
