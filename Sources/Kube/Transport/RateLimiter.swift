import Synchronization

/// A token bucket (QPS sustained, `burst` at once). Callers reserve a token under the
/// lock and sleep outside it, so waiting never blocks other callers' reservations.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var last: ContinuousClock.Instant
    }

    let qps: Double
    let burst: Double
    private let bucket: Mutex<Bucket>

    init(qps: Double, burst: Int) {
        self.qps = qps
        self.burst = Double(max(1, burst))
        bucket = Mutex(Bucket(tokens: Double(max(1, burst)), last: .now))
    }

    /// How long the caller must wait for its token (zero when one is available).
    func reserve() -> Duration {
        guard qps > 0 else { return .zero }
        let now = ContinuousClock.now
        return bucket.withLock { b in
            let elapsed = now - b.last
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            b.tokens = min(burst, b.tokens + seconds * qps)
            b.last = now
            b.tokens -= 1
            return b.tokens >= 0 ? .zero : .seconds(-b.tokens / qps)
        }
    }

    func acquire() async throws(KubeError) {
        let wait = reserve()
        guard wait > .zero else { return }
        do { try await Task.sleep(for: wait) } catch { throw .cancelled }
    }
}
