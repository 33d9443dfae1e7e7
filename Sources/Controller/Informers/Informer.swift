import JSON
import Kube
import Synchronization

/// Keeps a cache of one resource in sync with the API server (client-go's reflector +
/// shared informer): list, then watch from the list's resourceVersion with bookmarks;
/// relist on 410 Gone; back off on errors; end each watch after a random 5-10 minutes.
/// A relist diffs against the cache, so deletes missed while disconnected are delivered.
public final class Informer: Sendable {
    public let resource: GroupVersionResource
    /// nil: all namespaces (or a cluster-scoped resource).
    public let namespace: String?
    public let cache: Indexer
    let client: KubeClient
    let configuration: InformerConfiguration
    let logger: Logger
    let metrics: InformerMetrics?

    private enum SyncWaiter {
        case allocated
        case waiting(CheckedContinuation<Bool, Never>)
        case expired
    }

    private struct State {
        var handlers: [InformerEventHandler] = []
        var synced = false
        var syncWaiters: [UInt64: SyncWaiter] = [:]
        var nextWaiterID: UInt64 = 0
        var resourceVersion: String?
    }
    private let state = Mutex(State())
    /// Serialises handler registration with event delivery, so a new handler sees each object once.
    private let delivery = AsyncLock()

    /// Prefer `SharedInformerFactory.informer(for:)`, which shares one informer per resource.
    public init(client: KubeClient, resource: GroupVersionResource, namespace: String?,
                configuration: InformerConfiguration = InformerConfiguration(), indexer: Indexer = Indexer(),
                logger: Logger = .disabled, registry: MetricsRegistry? = nil) throws(MetricsError) {
        self.client = client
        self.resource = resource
        self.namespace = namespace
        self.configuration = configuration
        self.cache = indexer
        self.logger = logger.with(["resource": resource.description])
        self.metrics = try registry.map { (r) throws(MetricsError) in try InformerMetrics(registry: r, resource: resource.description) }
    }

    /// True once the first list is in the cache.
    public var hasSynced: Bool { state.withLock { $0.synced } }

    /// The last resourceVersion seen (list, event or bookmark).
    public var lastResourceVersion: String? { state.withLock { $0.resourceVersion } }

    /// Adds a handler. Objects already cached are replayed to it as adds first.
    public func addHandler(_ handler: InformerEventHandler) async {
        await delivery.run {
            self.state.withLock { $0.handlers.append(handler) }
            for o in self.cache.list() { await handler.onAdd(o) }
        }
    }

    /// Waits until synced, at most `timeout` and only while the task is not cancelled; true when synced.
    public func waitForSync(timeout: Duration) async -> Bool {
        if hasSynced { return true }
        let id = state.withLock { s in
            s.nextWaiterID += 1
            s.syncWaiters[s.nextWaiterID] = .allocated
            return s.nextWaiterID
        }
        let timer = Task {
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self.expireSyncWaiter(id)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
                let answer: Bool? = state.withLock { s in
                    switch s.syncWaiters[id] {
                    case .allocated?:
                        if s.synced {
                            s.syncWaiters[id] = nil
                            return true
                        }
                        s.syncWaiters[id] = .waiting(c)
                        return nil
                    case .expired?:
                        s.syncWaiters[id] = nil
                        return false
                    case .waiting?, nil:
                        // Resolved by a sync that came first.
                        return true
                    }
                }
                if let answer { c.resume(returning: answer) }
            }
        } onCancel: {
            self.expireSyncWaiter(id)
        }
    }

    /// Answers a waiter with false (timeout or cancellation), or marks it so its
    /// registration answers false at once.
    private func expireSyncWaiter(_ id: UInt64) {
        let waiter = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            switch s.syncWaiters[id] {
            case .allocated?:
                s.syncWaiters[id] = .expired
                return nil
            case .waiting(let c)?:
                s.syncWaiters[id] = nil
                return c
            case .expired?, nil:
                return nil
            }
        }
        waiter?.resume(returning: false)
    }

    /// Runs the reflector until the task is cancelled.
    public func run() async {
        var backoff = configuration.backoff
        var needsList = true
        var delivered = false
        let clock = ContinuousClock()
        while !Task.isCancelled {
            do throws(KubeError) {
                if needsList {
                    try await list()
                    needsList = false
                }
                let start = clock.now
                delivered = false
                try await watchOnce(delivered: &delivered)
                if !delivered && clock.now - start < configuration.minimumWatchDuration {
                    metrics?.restart("closed_early")
                    try? await Task.sleep(for: backoff.next(now: clock.now))
                } else {
                    metrics?.restart("closed")
                }
            } catch .resourceVersionExpired(let why) {
                logger.info("watch history expired; relisting", ["reason": why])
                metrics?.restart("expired")
                needsList = true
            } catch {
                if Task.isCancelled { break }
                if case .cancelled = error { break }
                // An ERROR event (or an undecodable one) mid-stream means the server's view
                // and ours may have diverged: start over from a list. A dropped connection
                // does not: re-watch from the last resourceVersion, as client-go does.
                if delivered, Self.needsRelist(after: error) { needsList = true }
                delivered = false
                metrics?.restart("error")
                let delay = backoff.next(now: clock.now)
                logger.warning("list/watch failed; retrying", ["error": error.description, "retry_in": delay])
                try? await Task.sleep(for: delay)
            }
        }
    }

    // MARK: - Reflector steps

    private func list() async throws(KubeError) {
        var options = ListOptions(labelSelector: configuration.labelSelector, fieldSelector: configuration.fieldSelector)
        options.limit = configuration.pageSize
        var fetched = try await client.listAll(resource, namespace: namespace, options: options)
        metrics?.lists.inc()
        fillTypeMeta(&fetched)
        let result = fetched
        await delivery.run {
            let diff = self.cache.replace(with: result.items)
            let handlers = self.state.withLock { s in
                s.resourceVersion = result.resourceVersion
                return s.handlers
            }
            for h in handlers {
                for o in diff.deleted { await h.onDelete(o) }
                for o in diff.added { await h.onAdd(o) }
                for (old, new) in diff.updated { await h.onUpdate(old, new) }
            }
        }
        metrics?.objects.set(Double(cache.count))
        markSynced()
    }

    /// List items may come without apiVersion and kind; give them the list's, so cached
    /// objects look the same whether they came from a list or a watch (events need them).
    private func fillTypeMeta(_ list: inout ObjectList) {
        guard let listKind = list.kind, listKind.hasSuffix("List"), list.items.contains(where: { $0["kind"] == nil }) else { return }
        let kind = JSONValue.string(String(listKind.dropLast(4)))
        let apiVersion = JSONValue.string(resource.apiVersion)
        for i in list.items.indices where list.items[i]["kind"] == nil {
            list.items[i]["kind"] = kind
            if list.items[i]["apiVersion"] == nil { list.items[i]["apiVersion"] = apiVersion }
        }
    }

    /// One watch until the server ends it; `delivered` turns true with the first event.
    private func watchOnce(delivered: inout Bool) async throws(KubeError) {
        var options = WatchOptions(labelSelector: configuration.labelSelector, fieldSelector: configuration.fieldSelector,
                                   resourceVersion: lastResourceVersion, allowWatchBookmarks: true)
        options.timeoutSeconds = Int.random(in: configuration.watchTimeoutSeconds)
        for try await event in client.watch(resource, namespace: namespace, options: options) {
            delivered = true
            metrics?.events.inc()
            await apply(event)
            if Task.isCancelled { break }
        }
    }

    private func apply(_ event: WatchEvent) async {
        let rv = event.resourceVersion
        // Bookmarks only move the resume point.
        guard event.type != .bookmark else {
            if let rv { state.withLock { $0.resourceVersion = rv } }
            return
        }
        guard let key = ObjectKey(object: event.object) else {
            logger.warning("watch event without metadata.name ignored", ["type": event.type.rawValue])
            return
        }
        await delivery.run {
            let handlers = self.state.withLock { s in
                if let rv { s.resourceVersion = rv }
                return s.handlers
            }
            switch event.type {
            case .added, .modified:
                let old = self.cache.upsert(event.object)
                for h in handlers {
                    if let old { await h.onUpdate(old, event.object) } else { await h.onAdd(event.object) }
                }
            case .deleted:
                let old = self.cache.delete(key)
                for h in handlers { await h.onDelete(old ?? event.object) }
            case .bookmark:
                break
            }
        }
        metrics?.objects.set(Double(cache.count))
    }

    private func markSynced() {
        let waiters = state.withLock { s -> [CheckedContinuation<Bool, Never>] in
            s.synced = true
            var ready: [CheckedContinuation<Bool, Never>] = []
            for (id, w) in s.syncWaiters {
                if case .waiting(let c) = w {
                    ready.append(c)
                    s.syncWaiters[id] = nil
                }
            }
            return ready
        }
        for w in waiters { w.resume(returning: true) }
    }

    /// Whether a failed watch means the cache may have diverged from the server (an ERROR
    /// event, an undecodable event) rather than a connection that merely dropped.
    static func needsRelist(after error: KubeError) -> Bool {
        switch error {
        case .transport, .timeout, .cancelled: return false
        default: return true
        }
    }
}
