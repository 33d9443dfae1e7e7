import Synchronization

/// Collects the distinct calls a client made, so tests can compare them with a ClusterRole.
public final class RequestRecorder: Sendable {
    private let calls = Mutex<Set<RecordedRequest>>([])

    public init() {}

    public func record(_ r: RecordedRequest) { _ = calls.withLock { $0.insert(r) } }

    public var recorded: Set<RecordedRequest> { calls.withLock { $0 } }

    public func reset() { calls.withLock { $0.removeAll() } }
}
