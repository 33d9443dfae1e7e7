import Foundation
import Synchronization

/// Where formatted log lines go. Implementations must be safe to call from any task.
public protocol LogSink: Sendable {
    func write(_ line: String)
}

/// Writes lines to standard error; one lock keeps concurrent lines whole.
public final class StandardErrorLogSink: LogSink {
    private let lock = Mutex(())
    public init() {}
    public func write(_ line: String) {
        let data = Data((line + "\n").utf8)
        lock.withLock { _ in FileHandle.standardError.write(data) }
    }
}

/// Keeps lines in memory, for tests.
public final class MemoryLogSink: LogSink {
    private let lines = Mutex<[String]>([])
    public init() {}
    public func write(_ line: String) { lines.withLock { $0.append(line) } }
    public var all: [String] { lines.withLock { $0 } }
}

/// Drops everything.
public struct NullLogSink: LogSink {
    public init() {}
    public func write(_ line: String) {}
}
