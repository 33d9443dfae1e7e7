import Synchronization

/// A counter a test raises and a handler waits on (polling, bounded).
final class Gate: Sendable {
    private let opened = Mutex(0)
    func open() { opened.withLock { $0 += 1 } }
    func wait(until count: Int) async throws {
        try await eventually("gate \(count)") { self.opened.withLock { $0 } >= count }
    }
}
