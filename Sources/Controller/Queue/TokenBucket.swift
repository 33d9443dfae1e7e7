/// A token bucket (golang.org/x/time/rate semantics): `rate` tokens per second
/// refill up to `burst`. `reserve` always takes a token and says how long the
/// caller must wait for it, so waits queue up fairly behind each other.
public struct TokenBucket: Sendable {
    public let rate: Double
    public let burst: Double
    private var tokens: Double
    private var last: Double?

    public init(rate: Double, burst: Int) {
        self.rate = rate
        self.burst = Double(max(1, burst))
        self.tokens = self.burst
    }

    private mutating func refill(now: Double) {
        if let last, now > last { tokens = min(burst, tokens + (now - last) * rate) }
        if last.map({ now > $0 }) ?? true { last = now }
    }

    /// Takes one token at `now` (seconds on any monotonic clock); returns the wait
    /// until it is really available (zero when one was in the bucket).
    public mutating func reserve(now: Double) -> Duration {
        refill(now: now)
        tokens -= 1
        guard tokens < 0 else { return .zero }
        guard rate > 0 else { return .seconds(86400 * 365) }
        return .seconds(-tokens / rate)
    }

    /// Takes a token only if one is available now.
    public mutating func tryTake(now: Double) -> Bool {
        refill(now: now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
