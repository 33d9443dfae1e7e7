import Foundation

/// Delays that start at `initial` and double (by `factor`) up to `maximum`, with
/// optional jitter: a delay d becomes a random value in [d, d * (1 + jitter)],
/// clamped to `maximum`.
public struct ExponentialBackoff: Sendable, Equatable {
    public var initial: Duration
    public var maximum: Duration
    public var factor: Double
    public var jitter: Double

    public init(initial: Duration, maximum: Duration, factor: Double = 2, jitter: Double = 0) {
        self.initial = initial
        self.maximum = maximum
        self.factor = factor
        self.jitter = jitter
    }

    /// The delay before retry number `attempt` (0 = first retry), without jitter.
    public func baseDelay(attempt: Int) -> Duration {
        let maxSeconds = maximum.seconds
        // pow overflows to +inf long before Int overflow matters; clamp in Double first.
        let scale = pow(factor, Double(max(0, attempt)))
        let s = initial.seconds * scale
        guard s.isFinite, s < maxSeconds else { return maximum }
        // Integral scales (the usual factor 2) stay exact in Duration arithmetic.
        if scale == scale.rounded(), scale < 9e15 { return initial * Int64(scale) }
        return .seconds(s)
    }

    /// The delay before retry number `attempt`, with jitter drawn from `rng`.
    public func delay(attempt: Int, using rng: inout some RandomNumberGenerator) -> Duration {
        let base = baseDelay(attempt: attempt)
        guard jitter > 0 else { return base }
        let jittered = base.seconds * (1 + Double.random(in: 0...jitter, using: &rng))
        return jittered < maximum.seconds ? .seconds(jittered) : maximum
    }

    public func delay(attempt: Int) -> Duration {
        var rng = SystemRandomNumberGenerator()
        return delay(attempt: attempt, using: &rng)
    }
}
