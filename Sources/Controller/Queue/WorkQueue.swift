/// A rate-limited, delaying work queue with client-go semantics:
/// - a key queued twice is processed once (dedup);
/// - a key is never handed to two workers at once;
/// - a key added while being processed is processed again after `done`;
/// - `addRateLimited` backs a key off exponentially under an overall token bucket;
/// - after `shutDown`, intake stops, queued keys are still handed out, and `get`
///   returns nil once the queue is empty.
public actor WorkQueue<Key: Hashable & Sendable> {
    public let name: String
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    private let metrics: WorkQueueMetrics?
    private var limiter: ItemRateLimiter<Key>

    // FIFO as array + head index: amortized O(1) pops without a Deque type.
    private var queue: [Key] = []
    private var head = 0
    private var dirty: Set<Key> = []
    private var processing: Set<Key> = []
    private var enqueuedAt: [Key: ContinuousClock.Instant] = [:]
    private var startedAt: [Key: ContinuousClock.Instant] = [:]

    private var waiters: [UInt64: CheckedContinuation<Key?, Never>] = [:]
    private var waiterOrder: [UInt64] = []
    private var waiterHead = 0
    private var nextWaiterID: UInt64 = 0

    private var delayed = DelayHeap<Key>()
    private var delayedUntil: [Key: ContinuousClock.Instant] = [:]
    private var timer: Task<Void, Never>?
    private var timerDeadline: ContinuousClock.Instant?

    private var drainWaiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
    private var shuttingDown = false

    /// `name` labels the metrics; the limiter settings are configurable so tests run fast.
    public init(name: String = "queue", rateLimiter: RateLimiterConfiguration = .default, metrics: WorkQueueMetrics? = nil) {
        self.name = name
        self.limiter = ItemRateLimiter(rateLimiter)
        self.metrics = metrics
        self.origin = clock.now
    }

    /// Keys waiting to be handed out (not counting delayed or in-flight ones).
    public var depth: Int { queue.count - head }
    /// Keys being processed right now.
    public var inFlight: Int { processing.count }
    /// Keys waiting for a delayed add.
    public var delayedCount: Int { delayedUntil.count }
    public var isShuttingDown: Bool { shuttingDown }

    // MARK: - Adding

    /// Queues `key` unless it is already queued; a key in flight is queued again on `done`.
    public func add(_ key: Key) {
        guard !shuttingDown, !dirty.contains(key) else { return }
        dirty.insert(key)
        metrics?.adds.inc()
        if enqueuedAt[key] == nil { enqueuedAt[key] = clock.now }
        // A key in flight goes back to the queue when its worker calls `done`.
        guard !processing.contains(key) else { return }
        queue.append(key)
        metrics?.depth.set(Double(depth))
        deliver()
    }

    /// Adds `key` once `delay` has passed. A key already waiting keeps the earlier deadline.
    public func add(_ key: Key, after delay: Duration) {
        guard !shuttingDown else { return }
        guard delay > .zero else { return add(key) }
        let deadline = clock.now.advanced(by: delay)
        if let existing = delayedUntil[key], existing <= deadline { return }
        delayedUntil[key] = deadline
        delayed.push(key, at: deadline)
        armTimer()
    }

    /// Adds `key` after its backoff: exponential per key, bounded by the overall bucket.
    public func addRateLimited(_ key: Key) {
        guard !shuttingDown else { return }
        metrics?.retries.inc()
        add(key, after: limiter.when(key, now: (clock.now - origin).seconds))
    }

    /// Clears the failure count of `key` (after a success).
    public func forget(_ key: Key) { limiter.forget(key) }

    /// How many times `key` has been rate-limited since it was last forgotten.
    public func retries(_ key: Key) -> Int { limiter.retries(key) }

    // MARK: - Taking

    /// The next key to process, waiting for one; nil once shut down and empty, or
    /// when the calling task is cancelled. Call `done` when finished with the key.
    public func get() async -> Key? {
        if let k = popReady() { return k }
        if shuttingDown { return nil }
        let id = nextWaiterID
        nextWaiterID &+= 1
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Key?, Never>) in
                if Task.isCancelled { return c.resume(returning: nil) }
                waiters[id] = c
                waiterOrder.append(id)
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Marks `key` finished; if it was re-added meanwhile it is queued again.
    public func done(_ key: Key) {
        guard processing.remove(key) != nil else { return }
        if let start = startedAt.removeValue(forKey: key) { metrics?.workDuration.observe(clock.now - start) }
        if dirty.contains(key) {
            queue.append(key)
            metrics?.depth.set(Double(depth))
            deliver()
        }
        resolveDrainWaitersIfIdle()
    }

    // MARK: - Shutdown

    /// Stops intake. Queued keys are still handed out unless `discardQueued`; delayed
    /// keys are dropped. Idle workers get nil once nothing is queued.
    public func shutDown(discardQueued: Bool = false) {
        shuttingDown = true
        timer?.cancel()
        timer = nil
        timerDeadline = nil
        delayed.removeAll()
        delayedUntil.removeAll()
        if discardQueued {
            for k in queue[head...] { dirty.remove(k); enqueuedAt[k] = nil }
            queue.removeAll()
            head = 0
            metrics?.depth.set(0)
        }
        if depth == 0 {
            let ws = waiters
            waiters.removeAll()
            waiterOrder.removeAll()
            waiterHead = 0
            for (_, c) in ws { c.resume(returning: nil) }
        }
        resolveDrainWaitersIfIdle()
    }

    /// Waits until nothing is queued or in flight, at most `timeout`; true when drained.
    public func awaitDrained(timeout: Duration) async -> Bool {
        if depth == 0 && processing.isEmpty { return true }
        let id = nextWaiterID
        nextWaiterID &+= 1
        let timeoutTask = Task { [clock] in
            try? await clock.sleep(for: timeout)
            self.timeOutDrainWaiter(id)
        }
        let drained = await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
            drainWaiters[id] = c
        }
        timeoutTask.cancel()
        return drained
    }

    // MARK: - Internals

    private func popReady() -> Key? {
        guard head < queue.count else { return nil }
        let key = queue[head]
        head += 1
        if head >= 1024 && head * 2 >= queue.count {
            queue.removeFirst(head)
            head = 0
        } else if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        dirty.remove(key)
        processing.insert(key)
        let now = clock.now
        if let t = enqueuedAt.removeValue(forKey: key) { metrics?.queueDuration.observe(now - t) }
        if metrics != nil { startedAt[key] = now }
        metrics?.depth.set(Double(depth))
        return key
    }

    private func deliver() {
        while waiterHead < waiterOrder.count, head < queue.count {
            let id = waiterOrder[waiterHead]
            waiterHead += 1
            guard let c = waiters.removeValue(forKey: id) else { continue }
            c.resume(returning: popReady())
        }
        if waiterHead == waiterOrder.count {
            waiterOrder.removeAll(keepingCapacity: true)
            waiterHead = 0
        }
    }

    private func cancelWaiter(_ id: UInt64) {
        waiters.removeValue(forKey: id)?.resume(returning: nil)
    }

    private func timeOutDrainWaiter(_ id: UInt64) {
        drainWaiters.removeValue(forKey: id)?.resume(returning: false)
    }

    private func resolveDrainWaitersIfIdle() {
        guard !drainWaiters.isEmpty, depth == 0, processing.isEmpty else { return }
        let ws = drainWaiters
        drainWaiters.removeAll()
        for (_, c) in ws { c.resume(returning: true) }
    }

    private func armTimer() {
        guard let next = delayed.first?.deadline else { return }
        if let current = timerDeadline, current <= next, timer != nil { return }
        timer?.cancel()
        timerDeadline = next
        timer = Task { [clock] in
            try? await clock.sleep(until: next, tolerance: nil)
            guard !Task.isCancelled else { return }
            self.fireDelayed()
        }
    }

    private func fireDelayed() {
        timer = nil
        timerDeadline = nil
        let now = clock.now
        while let top = delayed.first, top.deadline <= now {
            _ = delayed.pop()
            // Stale heap entries (superseded by an earlier deadline) are skipped.
            guard delayedUntil[top.key] == top.deadline else { continue }
            delayedUntil[top.key] = nil
            add(top.key)
        }
        armTimer()
    }
}
