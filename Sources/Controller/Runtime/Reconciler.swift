/// What a reconcile asks the controller to do next.
public enum ReconcileResult: Sendable, Equatable {
    /// The key is in its desired state; forget its backoff.
    case done
    /// Reconcile again after this delay (polling external state), without counting an error.
    case requeueAfter(Duration)
}

/// Brings the object named by a key to its desired state. Level-based: it reads the
/// current state itself and must not assume which change triggered it. Errors it
/// throws are logged, counted by kind and retried with per-key backoff.
public protocol Reconciler: Sendable {
    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult
}

/// A reconciler from a closure, for small controllers and tests.
public struct ClosureReconciler: Reconciler {
    let body: @Sendable (ObjectKey) async throws -> ReconcileResult
    public init(_ body: @escaping @Sendable (ObjectKey) async throws -> ReconcileResult) { self.body = body }
    public func reconcile(_ key: ObjectKey) async throws -> ReconcileResult { try await body(key) }
}

/// Errors may name their own kind for the errors-by-kind metric; otherwise the
/// type and enum case name are used ("KubeError.conflict").
public protocol ReconcileErrorKind {
    var errorKind: String { get }
}

enum ErrorKind {
    static func of(_ error: any Error) -> String {
        if let k = error as? any ReconcileErrorKind { return k.errorKind }
        let type = String(describing: Swift.type(of: error))
        let m = Mirror(reflecting: error)
        guard m.displayStyle == .enum else { return type }
        // An enum case with a payload shows up as its single child's label.
        if let label = m.children.first?.label { return "\(type).\(label)" }
        let d = String(describing: error)
        return d.contains(where: { !$0.isLetter && !$0.isNumber && $0 != "_" }) ? type : "\(type).\(d)"
    }
}
