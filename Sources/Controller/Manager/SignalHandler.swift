import Dispatch
import Foundation
import Synchronization

/// Turns signals into a callback with Dispatch sources (never async-signal-unsafe work in
/// a C handler). The first signal calls `onSignal`; a second one exits at once, as
/// controller-runtime does, for when a graceful shutdown hangs.
// @unchecked: the sources are set once in init and only cancelled afterwards; Dispatch
// sources are thread-safe but not marked Sendable.
public final class SignalHandler: @unchecked Sendable {
    private final class Count: Sendable {
        let value = Mutex(0)
        func increment() -> Int { value.withLock { $0 += 1; return $0 } }
    }

    private let sources: [any DispatchSourceSignal]
    private let count = Count()

    public init(signals: [Int32] = [SIGTERM, SIGINT], exitOnSecond: Bool = true,
                onSignal: @escaping @Sendable (Int32) -> Void) {
        var made: [any DispatchSourceSignal] = []
        let count = self.count
        for sig in signals {
            // The default action would kill the process before the source sees the signal.
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if count.increment() > 1 && exitOnSecond { exit(1) }
                onSignal(sig)
            }
            source.resume()
            made.append(source)
        }
        sources = made
    }

    /// Stops listening (the signals stay ignored).
    public func cancel() {
        for source in sources { source.cancel() }
    }

    public var signalsReceived: Int { count.value.withLock { $0 } }
}
