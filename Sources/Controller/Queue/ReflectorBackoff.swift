/// Backoff between failed list/watch attempts (client-go's reflector: 800 ms doubling
/// to 30 s with jitter), starting over once no failure happened for `resetAfter`.
public struct ReflectorBackoff: Sendable {
    public let backoff: ExponentialBackoff
    public let resetAfter: Duration
    private var attempt = 0
    private var lastFailure: ContinuousClock.Instant?

    public static let standard = ReflectorBackoff(
        backoff: ExponentialBackoff(initial: .milliseconds(800), maximum: .seconds(30), jitter: 1),
        resetAfter: .seconds(120))

    public init(backoff: ExponentialBackoff, resetAfter: Duration) {
        self.backoff = backoff
        self.resetAfter = resetAfter
    }

    /// The wait before retrying a failure that happened at `now`.
    public mutating func next(now: ContinuousClock.Instant, using rng: inout some RandomNumberGenerator) -> Duration {
        if let last = lastFailure, now - last >= resetAfter { attempt = 0 }
        lastFailure = now
        defer { attempt += 1 }
        return backoff.delay(attempt: attempt, using: &rng)
    }

    public mutating func next(now: ContinuousClock.Instant) -> Duration {
        var rng = SystemRandomNumberGenerator()
        return next(now: now, using: &rng)
    }
}
