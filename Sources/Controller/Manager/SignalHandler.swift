import Dispatch
import Foundation
import Synchronization

/// Turns signals into a callback. A C handler only writes the signal number to a pipe
/// (async-signal-safe); a Dispatch read source on the pipe runs the callback. (Dispatch
/// *signal* sources use signalfd on Linux, which misses signals unless every thread
/// blocks them, and the Swift runtime's threads do not.) The first signal calls
/// `onSignal`; a second one exits at once, as controller-runtime does. Use one handler
/// per process at a time.
// @unchecked: `source` is set once in init and only cancelled afterwards; Dispatch
// sources are thread-safe but not marked Sendable.
public final class SignalHandler: @unchecked Sendable {
    private final class Count: Sendable {
        let value = Mutex(0)
        func increment() -> Int { value.withLock { $0 += 1; return $0 } }
    }

    private let source: (any DispatchSourceRead)?
    private let signals: [Int32]
    private let count = Count()

    public init(signals: [Int32] = [SIGTERM, SIGINT], exitOnSecond: Bool = true,
                onSignal: @escaping @Sendable (Int32) -> Void) {
        self.signals = signals
        let fds = SignalPipe.fds
        guard fds.read >= 0 else {
            source = nil
            return
        }
        let count = self.count
        let readFD = fds.read
        let watched = Set(signals)
        let src = DispatchSource.makeReadSource(fileDescriptor: readFD, queue: .global())
        src.setEventHandler {
            var buf = [UInt8](repeating: 0, count: 64)
            let n = read(readFD, &buf, buf.count)
            guard n > 0 else { return }
            for b in buf.prefix(n) where watched.contains(Int32(b)) {
                if count.increment() > 1 && exitOnSecond { exit(1) }
                onSignal(Int32(b))
            }
        }
        src.resume()
        source = src
        for sig in signals {
            var action = sigaction()
            let handler: @convention(c) (Int32) -> Void = { sig in
                var byte = UInt8(truncatingIfNeeded: sig)
                _ = write(SignalPipe.fds.write, &byte, 1)
            }
            #if os(Linux)
            action.__sigaction_handler.sa_handler = handler
            #else
            action.__sigaction_u.__sa_handler = handler
            #endif
            action.sa_flags = SA_RESTART
            sigaction(sig, &action, nil)
        }
    }

    /// Whether the handler is active (false when the pipe could not be created).
    public var isActive: Bool { source != nil }

    /// Stops listening and restores the default actions.
    public func cancel() {
        for sig in signals { signal(sig, SIG_DFL) }
        source?.cancel()
    }

    public var signalsReceived: Int { count.value.withLock { $0 } }
}

/// The process-wide pipe signal handlers write to. Immutable once made, so the C
/// handler may read it (a C handler cannot capture context).
enum SignalPipe {
    static let fds: (read: Int32, write: Int32) = {
        var f: [Int32] = [-1, -1]
        guard pipe(&f) == 0 else { return (-1, -1) }
        for fd in f {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        return (f[0], f[1])
    }()
}
