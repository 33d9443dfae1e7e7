import Foundation
import Synchronization

/// A response body delivered chunk by chunk, with bounded buffering: when more than
/// `highWater` bytes wait for the consumer the producer is refused (the transfer
/// pauses), and it is resumed once the consumer drained to `lowWater`.
final class BodyStream: Sendable {
    private struct State {
        var chunks: [Data] = []
        var head = 0
        var buffered = 0
        var paused = false
        var done = false
        var error: KubeError?
        var waiter: CheckedContinuation<Result<Data?, KubeError>, Never>?
        var peakBuffered = 0
    }

    let highWater: Int
    let lowWater: Int
    private let state = Mutex(State())
    /// Asks the event loop to resume a paused transfer.
    private let resume: Mutex<(@Sendable () -> Void)?> = Mutex(nil)
    private let cancelTransfer: Mutex<(@Sendable () -> Void)?> = Mutex(nil)

    init(highWater: Int = 1 << 20) {
        self.highWater = highWater
        self.lowWater = highWater / 4
    }

    func bind(resume: @escaping @Sendable () -> Void, cancel: @escaping @Sendable () -> Void) {
        self.resume.withLock { $0 = resume }
        self.cancelTransfer.withLock { $0 = cancel }
    }

    /// The most bytes ever buffered at once (for tests of the bound).
    var peakBufferedBytes: Int { state.withLock { $0.peakBuffered } }

    /// Producer side (event-loop thread). Returns false to pause the transfer.
    func offer(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let (accepted, waiter, data) = state.withLock { s -> (Bool, CheckedContinuation<Result<Data?, KubeError>, Never>?, Data?) in
            // The consumer has gone: drop the bytes, the transfer is being cancelled.
            if s.done { return (true, nil, nil) }
            if s.waiter == nil, s.buffered > 0, s.buffered + bytes.count > highWater {
                s.paused = true
                return (false, nil, nil)
            }
            let d = Data(bytes)
            if let w = s.waiter {
                s.waiter = nil
                return (true, w, d)
            }
            s.chunks.append(d)
            s.buffered += d.count
            s.peakBuffered = max(s.peakBuffered, s.buffered)
            return (true, nil, nil)
        }
        if let waiter, let data { waiter.resume(returning: .success(data)) }
        return accepted
    }

    /// Producer side: the body ended, cleanly when `error` is nil.
    func finish(_ error: KubeError?) {
        let waiter = state.withLock { s -> CheckedContinuation<Result<Data?, KubeError>, Never>? in
            guard !s.done else { return nil }
            s.done = true
            s.error = error
            let w = s.waiter
            s.waiter = nil
            return w
        }
        waiter?.resume(returning: error.map { .failure($0) } ?? .success(nil))
    }

    /// The next chunk, nil at the end of the body.
    func next() async throws(KubeError) -> Data? {
        let result: Result<Data?, KubeError> = await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Result<Data?, KubeError>, Never>) in
                let (immediate, wake) = state.withLock { s -> (Result<Data?, KubeError>?, Bool) in
                    if s.head < s.chunks.count {
                        let d = s.chunks[s.head]
                        s.head += 1
                        s.buffered -= d.count
                        if s.head == s.chunks.count {
                            s.chunks.removeAll(keepingCapacity: true)
                            s.head = 0
                        }
                        var wake = false
                        if s.paused, s.buffered <= lowWater {
                            s.paused = false
                            wake = true
                        }
                        return (.success(d), wake)
                    }
                    if s.done { return (s.error.map { .failure($0) } ?? .success(nil), false) }
                    if Task.isCancelled { return (.failure(.cancelled), false) }
                    s.waiter = c
                    return (nil, false)
                }
                if wake { resume.withLock { $0 }?() }
                if let immediate { c.resume(returning: immediate) }
            }
        } onCancel: {
            cancel()
        }
        return try result.get()
    }

    /// Stops the stream: the pending consumer gets `.cancelled` and the transfer ends.
    func cancel() {
        let waiter = state.withLock { s -> CheckedContinuation<Result<Data?, KubeError>, Never>? in
            if !s.done {
                s.done = true
                s.error = .cancelled
            }
            let w = s.waiter
            s.waiter = nil
            return w
        }
        waiter?.resume(returning: .failure(.cancelled))
        cancelTransfer.withLock { $0 }?()
    }
}
