import Foundation

/// Waits for `condition` with a deadline, polling; never hangs a test.
func eventually(_ what: String, timeout: Duration = .seconds(10), _ condition: @Sendable () async -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while await !condition() {
        if ContinuousClock.now >= deadline { throw TestFailure.timedOut(what) }
        try await Task.sleep(for: .milliseconds(5))
    }
}
