import Testing
@testable import Controller

/// Fast limiter settings so backoff tests take milliseconds.
let fastLimiter = RateLimiterConfiguration(baseDelay: .milliseconds(5), maxDelay: .seconds(1), qps: 1000, burst: 1000)

@Suite struct WorkQueueTests {
    @Test func duplicateKeysAreQueuedOnce() async throws {
        let q = WorkQueue<String>()
        await q.add("a")
        await q.add("a")
        await q.add("b")
        #expect(await q.depth == 2)
        #expect(await q.get() == "a")
        #expect(await q.get() == "b")
        #expect(await q.depth == 0)
    }

    @Test func keyAddedWhileProcessingIsHeldUntilDone() async throws {
        let q = WorkQueue<String>()
        await q.add("a")
        let a = await q.get()
        #expect(a == "a")
        await q.add("a")
        await q.add("a")
        // Not handed to a second worker while in flight.
        #expect(await q.depth == 0)
        await q.done("a")
        #expect(await q.depth == 1)
        #expect(await q.get() == "a")
        await q.done("a")
        #expect(await q.depth == 0)
    }

    @Test func waitingWorkerIsWokenByAdd() async throws {
        let q = WorkQueue<String>()
        let got = Task { await q.get() }
        try await eventually { await q.depth == 0 }
        await q.add("x")
        let v = try await withTimeout { await got.value }
        #expect(v == "x")
    }

    @Test func oneKeyNeverRunsOnTwoWorkersAtOnce() async throws {
        let q = WorkQueue<Int>()
        let tracker = ConcurrencyTracker()
        try await withTimeout(.seconds(20), "workers") {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        while let k = await q.get() {
                            await tracker.begin(k)
                            await Task.yield()
                            await tracker.end(k)
                            await q.done(k)
                        }
                    }
                }
                for round in 0..<200 { await q.add(round % 5) }
                _ = await q.awaitDrained(timeout: .seconds(10))
                await q.shutDown()
            }
        }
        #expect(await tracker.maxPerKey == 1)
        #expect(await tracker.total >= 5)
        // Dedup collapses 200 adds of 5 keys into far fewer runs.
        #expect(await tracker.total <= 200)
    }

    // MARK: - Delays

    @Test func addAfterDeliversLaterAndEarlierDeadlineWins() async throws {
        let q = WorkQueue<String>()
        await q.add("slow", after: .seconds(60))
        await q.add("k", after: .seconds(60))
        await q.add("k", after: .milliseconds(20))
        #expect(await q.depth == 0)
        #expect(await q.delayedCount == 2)
        let v = try await withTimeout { await q.get() }
        #expect(v == "k")
        #expect(await q.delayedCount == 1)
    }

    @Test func zeroDelayAddsAtOnce() async {
        let q = WorkQueue<String>()
        await q.add("k", after: .zero)
        #expect(await q.depth == 1)
    }

    @Test func rateLimitedRetriesAreCountedUntilForgotten() async throws {
        let q = WorkQueue<String>(rateLimiter: fastLimiter)
        await q.addRateLimited("k")
        await q.addRateLimited("k")
        #expect(await q.retries("k") == 2)
        let v = try await withTimeout { await q.get() }
        #expect(v == "k")
        await q.forget("k")
        #expect(await q.retries("k") == 0)
    }

    @Test func overallBucketSpacesOutRetriesOfDistinctKeys() async throws {
        let q = WorkQueue<Int>(rateLimiter: RateLimiterConfiguration(baseDelay: .milliseconds(1), maxDelay: .seconds(1),
                                                                     qps: 50, burst: 1))
        let clock = ContinuousClock()
        let start = clock.now
        for k in 0..<6 { await q.addRateLimited(k) }
        for _ in 0..<6 {
            let k = try await withTimeout { await q.get() }
            if let k { await q.done(k) }
        }
        // Burst 1 at 50/s: the 6th token is only available after 5 * 20 ms.
        #expect(clock.now - start >= .milliseconds(95))
    }

    // MARK: - Shutdown

    @Test func shutdownWakesIdleWorkersAndStopsIntake() async throws {
        let q = WorkQueue<String>()
        let waiting = Task { await q.get() }
        try await Task.sleep(for: .milliseconds(20))
        await q.shutDown()
        let v = try await withTimeout { await waiting.value }
        #expect(v == nil)
        await q.add("late")
        #expect(await q.depth == 0)
        #expect(await q.get() == nil)
    }

    @Test func shutdownStillHandsOutQueuedKeysUnlessDiscarded() async throws {
        let q = WorkQueue<String>()
        await q.add("a")
        await q.add("b", after: .seconds(60))
        await q.shutDown()
        #expect(await q.get() == "a")
        #expect(await q.get() == nil)
        #expect(await q.delayedCount == 0)

        let q2 = WorkQueue<String>()
        await q2.add("a")
        await q2.shutDown(discardQueued: true)
        #expect(await q2.get() == nil)
    }

    @Test func awaitDrainedWaitsForInFlightWorkOrTimesOut() async throws {
        let q = WorkQueue<String>()
        await q.add("a")
        _ = await q.get()
        await q.shutDown()
        #expect(await q.awaitDrained(timeout: .milliseconds(30)) == false)
        let drained = Task { await q.awaitDrained(timeout: .seconds(10)) }
        try await Task.sleep(for: .milliseconds(20))
        await q.done("a")
        #expect(try await withTimeout { await drained.value } == true)
    }

    @Test func cancelledGetReturnsNil() async throws {
        let q = WorkQueue<String>()
        let t = Task { await q.get() }
        try await Task.sleep(for: .milliseconds(20))
        t.cancel()
        #expect(try await withTimeout { await t.value } == nil)
        // The queue still works for others afterwards.
        await q.add("a")
        #expect(await q.get() == "a")
    }

    @Test func largeBacklogIsServedInOrder() async {
        let q = WorkQueue<Int>()
        for i in 0..<5000 { await q.add(i) }
        var out: [Int] = []
        for _ in 0..<5000 { if let k = await q.get() { out.append(k); await q.done(k) } }
        #expect(out == Array(0..<5000))
    }

    // MARK: - Metrics

    @Test func metricsCountAddsRetriesDepthAndDurations() async throws {
        let r = MetricsRegistry()
        let m = try WorkQueueMetrics(registry: r, name: "q")
        let q = WorkQueue<String>(name: "q", rateLimiter: fastLimiter, metrics: m)
        await q.add("a")
        await q.add("a")
        await q.add("b")
        #expect(m.adds.value == 2)
        #expect(m.depth.value == 2)
        _ = await q.get()
        #expect(m.depth.value == 1)
        await q.done("a")
        await q.addRateLimited("a")
        #expect(m.retries.value == 1)
        #expect(m.queueDuration.count == 1)
        #expect(m.workDuration.count == 1)
        #expect(r.exposition().contains("workqueue_adds_total{name=\"q\"} 2"))
    }
}

actor ConcurrencyTracker {
    private var running: [Int: Int] = [:]
    private(set) var maxPerKey = 0
    private(set) var total = 0
    func begin(_ k: Int) {
        running[k, default: 0] += 1
        maxPerKey = max(maxPerKey, running[k, default: 0])
        total += 1
    }
    func end(_ k: Int) { running[k, default: 0] -= 1 }
}
