import Synchronization

/// The server's live threads and connections, behind one lock: what shutdown must reach and
/// wait for.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [Int: ConnectionChannel] = [:]
        var nextID = 0
        /// Connection threads plus the accept thread.
        var liveThreads = 0
        var closing = false
    }

    private let state = Mutex(State())
    private let maxConnections: Int

    init(maxConnections: Int) { self.maxConnections = maxConnections }

    /// Counts the accept thread.
    func acceptThreadStarted() { state.withLock { $0.liveThreads += 1 } }
    func threadExited() { state.withLock { $0.liveThreads -= 1 } }

    /// Admits a connection, or nil when the server is closing or full.
    func register(_ channel: ConnectionChannel) -> Int? {
        state.withLock { state in
            guard !state.closing, state.channels.count < maxConnections else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.channels[id] = channel
            state.liveThreads += 1
            return id
        }
    }

    /// The connection's thread is finished with it.
    func unregister(_ id: Int) {
        state.withLock { state in
            if state.channels.removeValue(forKey: id) != nil { state.liveThreads -= 1 }
        }
    }

    var isClosing: Bool { state.withLock { $0.closing } }
    var liveThreads: Int { state.withLock { $0.liveThreads } }
    var connectionCount: Int { state.withLock { $0.channels.count } }

    /// Stops admitting connections and returns those that are open.
    func close() -> [ConnectionChannel] {
        state.withLock { state in
            state.closing = true
            return Array(state.channels.values)
        }
    }

    var openChannels: [ConnectionChannel] { state.withLock { Array($0.channels.values) } }
}
