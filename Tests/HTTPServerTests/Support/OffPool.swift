import Foundation
@testable import HTTPServer

/// Runs every job it gets on a fresh thread.
final class ThreadPerJobExecutor: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        do {
            try NativeThread.spawn(name: "test-client") { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        } catch {
            // No thread to be had: running inline is slower but still correct.
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

private let blockingExecutor = ThreadPerJobExecutor()

/// Runs blocking client code on its own thread: the cooperative pool has as few threads as
/// cores, and a test blocking one of them could starve the server's handlers. It stays in the
/// calling task (a task executor preference), so `#expect` inside still reports to the test.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withTaskExecutorPreference(blockingExecutor) { try body() }
}
