import Foundation
import Synchronization

/// The meeting point between a connection's thread and the tasks that work for it (the
/// handler, the server during shutdown). Everything shared is behind one lock; the thread
/// is woken through an eventfd it polls alongside its socket.
final class ConnectionChannel: Sendable {
    private struct State {
        var commands: [ConnectionCommand] = []
        /// Set once writes can no longer succeed; `write` then throws it.
        var writerError: HTTPServerError?
        var shuttingDown = false
        var forced = false
        var streaming = false
        var task: Task<Void, Never>?
        var wake: WakeSignal?
    }

    private let state: Mutex<State>

    init?() {
        guard let wake = WakeSignal() else { return nil }
        state = Mutex(State(wake: wake))
    }

    /// The fd the connection's thread polls; valid until `close()`.
    var wakeFD: Int32 { state.withLock { $0.wake?.fd ?? -1 } }

    // MARK: Handler side

    func post(_ command: ConnectionCommand) {
        // Continuations are resumed and tasks cancelled after the lock is released: either can
        // run code (cancellation handlers) that comes back to this channel.
        let (rejected, cancel) = state.withLock { state -> ((CheckedContinuation<Void, any Error>, HTTPServerError)?, Task<Void, Never>?) in
            if case let .chunk(_, continuation) = command, let error = state.writerError {
                return ((continuation, error), nil)
            }
            var cancel: Task<Void, Never>?
            if case .beginStream = command {
                state.streaming = true
                // A stream opened during shutdown would never be ended by anyone else.
                if state.shuttingDown {
                    state.writerError = state.writerError ?? .shuttingDown
                    cancel = state.task
                }
            }
            state.commands.append(command)
            state.wake?.signal()
            return (nil, cancel)
        }
        cancel?.cancel()
        if let (continuation, error) = rejected { continuation.resume(throwing: error) }
    }

    /// Writes of a streaming body go through here: they wait until the thread has sent the chunk.
    func write(_ data: Data) async throws {
        if let error = state.withLock({ $0.writerError }) { throw error }
        try await withCheckedThrowingContinuation { continuation in
            post(.chunk(data, continuation))
        }
    }

    func attach(_ task: Task<Void, Never>) {
        let cancel = state.withLock { state in
            state.task = task
            return state.writerError != nil
        }
        if cancel { task.cancel() }
    }

    // MARK: Connection thread side

    func takeCommands() -> [ConnectionCommand] {
        state.withLock { state in
            state.wake?.drain()
            defer { state.commands.removeAll(keepingCapacity: true) }
            return state.commands
        }
    }

    func drainWake() { state.withLock { $0.wake?.drain() } }

    var isShuttingDown: Bool { state.withLock { $0.shuttingDown } }
    var isForced: Bool { state.withLock { $0.forced } }

    /// Ends the current stream: writers throw `error`, queued chunks are failed and the
    /// handler's task is cancelled so a stream waiting for events (a watch) returns too.
    func failWriters(_ error: HTTPServerError) {
        let (failed, writerError, task) = state.withLock { state in
            if state.writerError == nil { state.writerError = error }
            var kept: [ConnectionCommand] = []
            var failed: [CheckedContinuation<Void, any Error>] = []
            for command in state.commands {
                if case let .chunk(_, continuation) = command { failed.append(continuation) } else { kept.append(command) }
            }
            state.commands = kept
            return (failed, state.writerError ?? error, state.task)
        }
        task?.cancel()
        for continuation in failed { continuation.resume(throwing: writerError) }
    }

    /// Next request on this connection starts with a fresh stream state.
    func resetForNextRequest() {
        state.withLock { state in
            state.streaming = false
            state.task = nil
            if !state.shuttingDown { state.writerError = nil }
        }
    }

    // MARK: Server side

    /// Graceful: idle connections close, streams end (their writers throw), other handlers finish.
    func beginShutdown() {
        let streaming = state.withLock { state in
            state.shuttingDown = true
            state.wake?.signal()
            return state.streaming
        }
        if streaming { failWriters(.shuttingDown) }
    }

    /// After the grace period: the thread abandons the connection at once.
    func force() {
        state.withLock { state in
            state.forced = true
            state.shuttingDown = true
            state.wake?.signal()
        }
        failWriters(.shuttingDown)
    }

    /// Called by the thread when it is done: later writes fail, the eventfd is closed.
    func close() {
        failWriters(.clientDisconnected)
        state.withLock { state in
            state.wake?.close()
            state.wake = nil
            state.commands.removeAll()
        }
    }
}
