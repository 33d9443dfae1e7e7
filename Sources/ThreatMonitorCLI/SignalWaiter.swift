import Dispatch
import Foundation

/// Suspends until SIGINT or SIGTERM arrives (Ctrl-C in a terminal).
enum SignalWaiter {
    static func waitForTermination() async -> Int32 {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        var sources: [DispatchSourceSignal] = []
        for s in [SIGINT, SIGTERM] {
            signal(s, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: s, queue: .global())
            source.setEventHandler { continuation.yield(s) }
            source.resume()
            sources.append(source)
        }
        var received: Int32 = SIGTERM
        for await s in stream { received = s; break }
        sources.forEach { $0.cancel() }
        return received
    }
}
