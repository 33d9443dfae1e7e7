import Synchronization
import Testing

struct TimedOut: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out: \(what)" }
}

/// Runs `body`, failing with `TimedOut` after `limit` so no test can hang. Unlike a task
/// group, this does not wait for a body that ignores cancellation (awaiting a Task's value).
func withTimeout<T: Sendable>(_ limit: Duration = .seconds(10), _ what: String = "operation",
                              _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let resumed = Mutex(false)
    let claim: @Sendable () -> Bool = { resumed.withLock { done in defer { done = true }; return !done } }
    return try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
        let work = Task { try await body() }
        let timer = Task {
            try? await Task.sleep(for: limit)
            if claim() {
                work.cancel()
                c.resume(throwing: TimedOut(what: what))
            }
        }
        Task {
            let result = await work.result
            timer.cancel()
            if claim() { c.resume(with: result) }
        }
    }
}

/// Polls `condition` every few milliseconds until it holds or `limit` passes.
func eventually(_ limit: Duration = .seconds(10), _ what: String = "condition",
                _ condition: @escaping @Sendable () async -> Bool) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: limit)
    while clock.now < deadline {
        if await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    throw TimedOut(what: what)
}

/// A deterministic random generator for jitter tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
