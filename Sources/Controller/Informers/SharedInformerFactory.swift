import Kube
import Synchronization

/// One informer per (resource, namespace) however many controllers ask for it.
/// Informers asked for after `start()` start at once.
public final class SharedInformerFactory: Sendable {
    struct Key: Hashable { let resource: GroupVersionResource; let namespace: String? }

    public let client: KubeClient
    /// The scope informers default to (nil: all namespaces).
    public let namespace: String?
    let configuration: InformerConfiguration
    let logger: Logger
    let registry: MetricsRegistry?

    private struct State {
        var informers: [Key: Informer] = [:]
        var order: [Key] = []
        var tasks: [Key: Task<Void, Never>] = [:]
        var started = false
    }
    private let state = Mutex(State())

    public init(client: KubeClient, namespace: String? = nil, configuration: InformerConfiguration = InformerConfiguration(),
                logger: Logger = .disabled, registry: MetricsRegistry? = nil) {
        self.client = client
        self.namespace = namespace
        self.configuration = configuration
        self.logger = logger
        self.registry = registry
    }

    /// The shared informer for a resource in the factory's namespace scope.
    public func informer(for resource: GroupVersionResource) throws(MetricsError) -> Informer {
        try informer(for: resource, namespace: namespace)
    }

    /// The shared informer for a resource in `namespace` (nil: all, or cluster-scoped).
    public func informer(for resource: GroupVersionResource, namespace: String?) throws(MetricsError) -> Informer {
        let key = Key(resource: resource, namespace: namespace)
        if let existing = state.withLock({ $0.informers[key] }) { return existing }
        let fresh = try Informer(client: client, resource: resource, namespace: namespace, configuration: configuration,
                                 logger: logger, registry: registry)
        return state.withLock { s in
            // Another caller may have won the race; theirs is the shared one.
            if let existing = s.informers[key] { return existing }
            s.informers[key] = fresh
            s.order.append(key)
            if s.started { s.tasks[key] = Task { await fresh.run() } }
            return fresh
        }
    }

    public var informers: [Informer] { state.withLock { s in s.order.compactMap { s.informers[$0] } } }

    /// Starts every informer (and, from now on, every new one).
    public func start() {
        state.withLock { s in
            s.started = true
            for key in s.order where s.tasks[key] == nil {
                if let inf = s.informers[key] { s.tasks[key] = Task { await inf.run() } }
            }
        }
    }

    /// True once every informer has synced, waiting at most `timeout` in all.
    public func waitForCacheSync(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        for inf in informers {
            let left = deadline - ContinuousClock.now
            guard left > .zero, !Task.isCancelled, await inf.waitForSync(timeout: left) else { return false }
        }
        return true
    }

    /// Names of informers not synced yet ("pods.v1"), for readiness messages.
    public var unsynced: [String] { informers.filter { !$0.hasSynced }.map { $0.resource.description } }

    /// Stops every informer and waits for their tasks to end.
    public func shutdown() async {
        let tasks = state.withLock { s in
            s.started = false
            defer { s.tasks.removeAll() }
            return Array(s.tasks.values)
        }
        for t in tasks { t.cancel() }
        for t in tasks { await t.value }
    }
}
