import Synchronization
import Testing
@testable import Controller

@Suite struct ControllerLoopTests {
    let key = ObjectKey(namespace: "ns", name: "a")

    @Test func failingReconcilerIsRetriedWithGrowingDelays() async throws {
        let rec = AttemptRecorder(failures: 5)
        let registry = MetricsRegistry()
        let limiter = RateLimiterConfiguration(baseDelay: .milliseconds(10), maxDelay: .seconds(5), qps: 1000, burst: 1000)
        let c = try Controller(name: "retry", reconciler: ClosureReconciler { k in _ = try await rec.record(k); return .done },
                               rateLimiter: limiter, registry: registry)
        let run = Task { await c.run() }
        await c.enqueue(key)
        try await eventually(.seconds(10), "6 attempts") { await rec.count(key) >= 6 }
        _ = await c.shutDown(drainTimeout: .seconds(5))
        try await withTimeout { await run.value }

        let times = try #require(await rec.attempts[key])
        #expect(times.count == 6)
        let gaps = zip(times, times.dropFirst()).map { $1 - $0 }
        // Backoff 10, 20, 40, 80, 160 ms: each gap at least its backoff (lower bounds only).
        for (i, gap) in gaps.enumerated() {
            #expect(gap >= .milliseconds(10) * (1 << i) - .milliseconds(1), "gap \(i) was \(gap)")
        }
        let metrics = try ControllerMetrics(registry: registry, controller: "retry")
        #expect(metrics.error.value == 5)
        #expect(metrics.success.value == 1)
        #expect(metrics.errorsByKind.labels("retry", "TestReconcileError.transient").value == 5)
        // Success forgets the backoff.
        #expect(await c.queue.retries(key) == 0)
    }

    @Test func requeueAfterReconcilesAgainWithoutCountingAnError() async throws {
        let rec = AttemptRecorder()
        let registry = MetricsRegistry()
        let c = try Controller(name: "poll", reconciler: ClosureReconciler { k in
            let n = try await rec.record(k)
            return n < 3 ? .requeueAfter(.milliseconds(30)) : .done
        }, registry: registry)
        let run = Task { await c.run() }
        await c.enqueue(key)
        try await eventually { await rec.count(key) >= 3 }
        _ = await c.shutDown(drainTimeout: .seconds(5))
        try await withTimeout { await run.value }
        let times = try #require(await rec.attempts[key])
        #expect(times[1] - times[0] >= .milliseconds(29))
        let m = try ControllerMetrics(registry: registry, controller: "poll")
        #expect(m.requeueAfter.value == 2)
        #expect(m.error.value == 0)
    }

    @Test func rapidUpdatesCollapseAndTheFinalStateIsReconciled() async throws {
        // The "server state" the reconciler reads, level-based.
        let state = Mutex(0)
        let rec = AttemptRecorder()
        let c = try Controller(name: "level", reconciler: ClosureReconciler { k in
            _ = try await rec.record(k)
            await rec.note(String(state.withLock { $0 }))
            try await Task.sleep(for: .milliseconds(5))
            return .done
        })
        let run = Task { await c.run() }
        for v in 1...500 {
            state.withLock { $0 = v }
            await c.enqueue(key)
        }
        try await eventually { await rec.seenValues.last == "500" }
        try await eventually { let d = await c.queue.depth; let f = await c.queue.inFlight; return d == 0 && f == 0 }
        _ = await c.shutDown(drainTimeout: .seconds(5))
        try await withTimeout { await run.value }
        let runs = await rec.count(key)
        #expect(runs < 500)
        #expect(await rec.seenValues.last == "500")
    }

    @Test func errorsNeverEscapeAndAreCountedByKind() async throws {
        let registry = MetricsRegistry()
        let sink = MemoryLogSink()
        let c = try Controller(name: "kinds", reconciler: ClosureReconciler { k in
            switch k.name {
            case "plain": throw TestReconcileError.plain
            case "custom": throw KindedError()
            default: throw CancellationError()
            }
        }, logger: Logger(sink: sink), registry: registry)
        await c.processOne(ObjectKey(namespace: nil, name: "plain"))
        await c.processOne(ObjectKey(namespace: nil, name: "custom"))
        await c.processOne(ObjectKey(namespace: nil, name: "other"))
        let m = try ControllerMetrics(registry: registry, controller: "kinds")
        #expect(m.errorsByKind.labels("kinds", "TestReconcileError.plain").value == 1)
        #expect(m.errorsByKind.labels("kinds", "CustomKind").value == 1)
        #expect(m.errorsByKind.labels("kinds", "CancellationError").value == 1)
        #expect(m.error.value == 3)
        #expect(sink.all.count == 3)
        #expect(sink.all.allSatisfy { $0.contains("level=error") && $0.contains("controller=kinds") })
    }

    @Test func manyWorkersProcessDistinctKeysConcurrently() async throws {
        let tracker = ConcurrencyTracker()
        let c = try Controller(name: "par", reconciler: ClosureReconciler { k in
            await tracker.begin(Int(k.name) ?? -1)
            try await Task.sleep(for: .milliseconds(20))
            await tracker.end(Int(k.name) ?? -1)
            return .done
        }, workers: 4)
        let run = Task { await c.run() }
        for i in 0..<8 { await c.enqueue(ObjectKey(namespace: nil, name: String(i))) }
        try await eventually { await tracker.total == 8 }
        #expect(await c.shutDown(drainTimeout: .seconds(5)))
        try await withTimeout { await run.value }
        #expect(await tracker.maxPerKey == 1)
    }

    // MARK: - Keys

    @Test(arguments: [("ns/a", ObjectKey(namespace: "ns", name: "a")), ("a", ObjectKey(namespace: nil, name: "a")),
                      ("/a", ObjectKey(namespace: nil, name: "a"))])
    func keysParse(text: String, key: ObjectKey) { #expect(ObjectKey(text) == key) }

    @Test(arguments: ["", "ns/", "a/b/c", "/"])
    func badKeysAreRejected(text: String) { #expect(ObjectKey(text) == nil) }
}
