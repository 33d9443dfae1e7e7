/// controller-runtime's default rate limiter: per-key exponential backoff under an
/// overall token bucket; a retry waits for the longer of the two.
public struct RateLimiterConfiguration: Sendable, Equatable {
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// Overall retries per second, and how many may go at once.
    public var qps: Double
    public var burst: Int

    public init(baseDelay: Duration = .milliseconds(5), maxDelay: Duration = .seconds(1000),
                qps: Double = 10, burst: Int = 100) {
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.qps = qps
        self.burst = burst
    }

    public static let `default` = RateLimiterConfiguration()
}

/// Per-key failure counts plus the shared bucket.
struct ItemRateLimiter<Key: Hashable & Sendable>: Sendable {
    let backoff: ExponentialBackoff
    private var bucket: TokenBucket
    private var failures: [Key: Int] = [:]

    init(_ c: RateLimiterConfiguration) {
        backoff = ExponentialBackoff(initial: c.baseDelay, maximum: c.maxDelay)
        bucket = TokenBucket(rate: c.qps, burst: c.burst)
    }

    mutating func when(_ key: Key, now: Double) -> Duration {
        let n = failures[key, default: 0]
        failures[key] = n + 1
        return max(backoff.baseDelay(attempt: n), bucket.reserve(now: now))
    }

    mutating func forget(_ key: Key) { failures[key] = nil }
    func retries(_ key: Key) -> Int { failures[key, default: 0] }
}
