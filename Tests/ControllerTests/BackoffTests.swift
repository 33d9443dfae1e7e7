import Testing
@testable import Controller

@Suite struct BackoffTests {
    @Test func workQueueBackoffDoublesFrom5msTo1000s() {
        let b = ExponentialBackoff(initial: .milliseconds(5), maximum: .seconds(1000))
        #expect(b.baseDelay(attempt: 0) == .milliseconds(5))
        #expect(b.baseDelay(attempt: 1) == .milliseconds(10))
        #expect(b.baseDelay(attempt: 10) == .milliseconds(5120))
        #expect(b.baseDelay(attempt: 18) == .seconds(1000))
        #expect(b.baseDelay(attempt: 5000) == .seconds(1000))
        #expect(b.baseDelay(attempt: -1) == .milliseconds(5))
    }

    @Test func jitterStaysWithinBoundsAndCap() {
        let b = ExponentialBackoff(initial: .milliseconds(800), maximum: .seconds(30), jitter: 1)
        var rng = SplitMix64(state: 42)
        var distinct = Set<Duration>()
        for attempt in 0..<12 {
            for _ in 0..<50 {
                let base = b.baseDelay(attempt: attempt)
                let d = b.delay(attempt: attempt, using: &rng)
                #expect(d >= base && d <= min(base * 2, .seconds(30)))
                distinct.insert(d)
            }
        }
        // Jitter must actually vary the delays.
        #expect(distinct.count > 100)
    }

    @Test func tokenBucketAllowsBurstThenPacesAtRate() {
        var b = TokenBucket(rate: 10, burst: 3)
        #expect(b.reserve(now: 0) == .zero)
        #expect(b.reserve(now: 0) == .zero)
        #expect(b.reserve(now: 0) == .zero)
        // The 4th and 5th wait 0.1 s and 0.2 s: reservations queue up behind each other.
        #expect(abs(b.reserve(now: 0).seconds - 0.1) < 1e-9)
        #expect(abs(b.reserve(now: 0).seconds - 0.2) < 1e-9)
        // After 1 s the debt is paid and the bucket is full again (capped at burst).
        #expect(b.reserve(now: 10) == .zero)
        let takes = (0..<3).map { _ in b.tryTake(now: 10) }
        #expect(takes == [true, true, false])
    }

    @Test func reflectorBackoffResetsAfterHealthyPeriod() {
        var r = ReflectorBackoff(backoff: ExponentialBackoff(initial: .milliseconds(800), maximum: .seconds(30)),
                                 resetAfter: .seconds(120))
        var rng = SplitMix64(state: 1)
        let t0 = ContinuousClock.now
        #expect(r.next(now: t0, using: &rng) == .milliseconds(800))
        #expect(r.next(now: t0 + .seconds(1), using: &rng) == .milliseconds(1600))
        #expect(r.next(now: t0 + .seconds(2), using: &rng) == .milliseconds(3200))
        // Two quiet minutes later the next failure starts over.
        #expect(r.next(now: t0 + .seconds(200), using: &rng) == .milliseconds(800))
    }
}
