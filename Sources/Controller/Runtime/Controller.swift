/// Runs a reconciler over a work queue with a fixed number of workers. No error a
/// reconciler throws escapes: it is logged, counted by kind and retried with backoff.
/// (Swift cannot catch traps; a reconciler must not force-unwrap, force-try or call fatalError.)
public final class Controller: Sendable {
    public let name: String
    public let queue: WorkQueue<ObjectKey>
    public let workers: Int
    let reconciler: any Reconciler
    let logger: Logger
    let metrics: ControllerMetrics?

    /// `workers` reconcile distinct keys in parallel; `registry` nil runs without metrics.
    public init(name: String, reconciler: any Reconciler, workers: Int = 1,
                rateLimiter: RateLimiterConfiguration = .default,
                logger: Logger = .disabled, registry: MetricsRegistry? = nil) throws(MetricsError) {
        self.name = name
        self.reconciler = reconciler
        self.workers = max(1, workers)
        self.logger = logger.with(["controller": name])
        if let registry {
            metrics = try ControllerMetrics(registry: registry, controller: name)
            queue = WorkQueue(name: name, rateLimiter: rateLimiter,
                              metrics: try WorkQueueMetrics(registry: registry, name: name))
        } else {
            metrics = nil
            queue = WorkQueue(name: name, rateLimiter: rateLimiter)
        }
    }

    /// Queues a key for reconciliation.
    public func enqueue(_ key: ObjectKey) async { await queue.add(key) }

    /// Runs the workers until the queue is shut down and empty (or the task is cancelled).
    public func run() async {
        logger.info("starting workers", ["workers": workers])
        await withDiscardingTaskGroup { group in
            for _ in 0..<workers {
                group.addTask { await self.workerLoop() }
            }
        }
        logger.info("workers stopped")
    }

    /// Stops intake and waits up to `drainTimeout` for in-flight and queued work; true when drained.
    public func shutDown(drainTimeout: Duration) async -> Bool {
        await queue.shutDown()
        return await queue.awaitDrained(timeout: drainTimeout)
    }

    private func workerLoop() async {
        while let key = await queue.get() {
            await processOne(key)
            await queue.done(key)
        }
    }

    /// One reconcile, with its outcome applied to the queue. Internal for tests.
    func processOne(_ key: ObjectKey) async {
        let clock = ContinuousClock()
        let start = clock.now
        metrics?.activeWorkers.inc()
        let result: Result<ReconcileResult, any Error>
        do {
            result = .success(try await reconciler.reconcile(key))
        } catch {
            result = .failure(error)
        }
        metrics?.activeWorkers.dec()
        let elapsed = clock.now - start
        metrics?.duration.observe(elapsed)
        switch result {
        case .success(.done):
            metrics?.success.inc()
            logger.debug("reconciled", ["key": key, "duration": elapsed])
            await queue.forget(key)
        case .success(.requeueAfter(let d)):
            metrics?.requeueAfter.inc()
            await queue.forget(key)
            await queue.add(key, after: d)
        case .failure(let error):
            let kind = ErrorKind.of(error)
            metrics?.error.inc()
            metrics?.errorsByKind.labels(name, kind).inc()
            let retries = await queue.retries(key)
            logger.error("reconcile failed", ["key": key, "kind": kind, "error": String(describing: error),
                                              "retries": retries])
            await queue.addRateLimited(key)
        }
    }
}
