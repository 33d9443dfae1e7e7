import Synchronization

/// Faults tests switch on to prove clients cope: dropped watches, failing requests, latency,
/// expired history (410 Gone). Health, version, discovery and OpenAPI requests are never failed,
/// so kubectl can still find its way while resource requests fail.
public final class FaultInjector: Sendable {
    struct Settings: Sendable {
        var failFraction = 0.0
        var failCodes: [Int] = []
        var latency: Duration = .zero
    }

    private let settings = Mutex(Settings())
    private let store: Store

    init(store: Store) {
        self.store = store
    }

    /// Closes every open watch now (clients see the stream end and must re-watch).
    public func dropAllWatches() {
        store.dropAllWatches()
    }

    /// Fails about `fraction` (0...1) of resource requests with a code drawn from `codes`
    /// (429 adds Retry-After: 1, as kube-apiserver's priority and fairness does).
    public func failRequests(fraction: Double = 0.2, codes: [Int] = [429, 500, 503]) {
        settings.withLock {
            $0.failFraction = min(1, max(0, fraction))
            $0.failCodes = codes.isEmpty ? [500] : codes
        }
    }

    /// Delays every resource request by `latency` before it is handled.
    public func setLatency(_ latency: Duration) {
        settings.withLock { $0.latency = latency }
    }

    /// Forgets the watch history: a watch or continue from any older resourceVersion gets 410 Gone.
    public func expireHistory() {
        store.expireHistory()
    }

    /// Turns off request failures and latency.
    public func clear() {
        settings.withLock { $0 = Settings() }
    }

    var current: Settings { settings.withLock { $0 } }

    /// The code to fail this request with, if the dice say so.
    func drawFailure() -> Int? {
        let s = current
        guard s.failFraction > 0, Double.random(in: 0..<1) < s.failFraction else { return nil }
        return s.failCodes.randomElement()
    }
}
