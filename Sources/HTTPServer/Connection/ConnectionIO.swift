#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The buffered, non-blocking I/O of one connection, run by its thread. Every wait is a
/// `poll` on the socket and the channel's eventfd, so shutdown always reaches it and a
/// stalled peer costs this connection only.
final class ConnectionIO {
    let transport: any Transport
    let channel: ConnectionChannel
    let idleTimeout: Duration
    private let idleMillis: Int32
    /// While set, waits end with `.timedOut` at this instant even if bytes keep trickling in:
    /// a request head must arrive whole within the idle timeout (against slowloris clients).
    var deadline: ContinuousClock.Instant?
    /// Received bytes; `start` is where the unconsumed ones begin (compacted lazily so that
    /// consuming is O(1)).
    private(set) var buffer: [UInt8] = []
    private(set) var start = 0
    /// One TLS record at most (16 KiB); kept small since every connection has one.
    private var scratch = [UInt8](repeating: 0, count: 16 << 10)

    init(transport: any Transport, channel: ConnectionChannel, idleTimeout: Duration) {
        self.transport = transport
        self.channel = channel
        self.idleTimeout = idleTimeout
        let millis = idleTimeout.components.seconds * 1000 + idleTimeout.components.attoseconds / 1_000_000_000_000_000
        idleMillis = Int32(clamping: max(1, millis))
    }

    var buffered: Int { buffer.count - start }

    func consume(_ count: Int) {
        start += min(count, buffered)
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
    }

    /// Moves up to `count` buffered bytes into `data`.
    func move(upTo count: Int, into data: inout Data) -> Int {
        let n = min(count, buffered)
        guard n > 0 else { return 0 }
        buffer.withUnsafeBytes { data.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[start..<(start + n)])) }
        consume(n)
        return n
    }

    func withBufferedNonThrowing<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }

    // MARK: Reading

    /// Reads at least one more byte. `idle` marks the wait for a new request, which shutdown may end.
    func fill(idle: Bool) throws(ConnectionEnd) {
        while true {
            switch readOnce() {
            case .done: return
            case .closed: throw .peerClosed
            case .wantRead: try wait(events: Int16(POLLIN), idle: idle)
            case .wantWrite: try wait(events: Int16(POLLOUT), idle: idle)
            case let .failed(reason): throw .failed(reason)
            }
        }
    }

    /// One non-blocking read into the buffer.
    func readOnce() -> IOStatus {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let status = scratch.withUnsafeMutableBytes { transport.read($0) }
        if case let .done(n) = status {
            buffer.append(contentsOf: scratch[0..<n])
        }
        return status
    }

    // MARK: Writing

    func writeAll(_ data: Data) throws(ConnectionEnd) {
        var offset = 0
        while offset < data.count {
            let status = data.withUnsafeBytes { transport.write(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            switch status {
            case let .done(n): offset += n
            case .closed: throw .peerClosed
            case .wantWrite: try wait(events: Int16(POLLOUT), idle: false)
            case .wantRead: try wait(events: Int16(POLLIN), idle: false)
            case let .failed(reason): throw .failed(reason)
            }
        }
    }

    // MARK: Waiting

    /// Waits until the socket is ready, the idle timeout passes, or shutdown concerns this wait.
    func wait(events: Int16, idle: Bool) throws(ConnectionEnd) {
        if events & Int16(POLLIN) != 0 && transport.hasBufferedInput { return }
        var fds = [pollfd(fd: transport.fd, events: events, revents: 0), pollfd(fd: channel.wakeFD, events: Int16(POLLIN), revents: 0)]
        while true {
            var timeout = idleMillis
            if let deadline {
                let left = deadline - ContinuousClock.now
                if left <= .zero { throw .timedOut }
                timeout = min(timeout, Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1))
            }
            let rc = poll(&fds, 2, timeout)
            if rc == 0 { throw .timedOut }
            if rc < 0 {
                if errno == EINTR { continue }
                throw .failed(String(cString: strerror(errno)))
            }
            if fds[1].revents != 0 {
                if channel.isForced { throw .forced }
                if idle && channel.isShuttingDown { throw .idleShutdown }
                // Queued commands are read from the channel's queue, never from the eventfd:
                // draining it here loses nothing.
                channel.drainWake()
            }
            if fds[0].revents != 0 { return }
        }
    }

    /// Waits for the handler (commands) while watching the socket so that a client that goes
    /// away is noticed even when the handler has nothing to write. Returns false once the
    /// peer is gone.
    func waitForCommands(watchPeer: Bool, maxBuffered: Int) throws(ConnectionEnd) -> Bool {
        let events = watchPeer && buffered < maxBuffered ? Int16(POLLIN) : 0
        var fds = [pollfd(fd: channel.wakeFD, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: transport.fd, events: events, revents: 0)]
        // Once the peer is gone only the wake matters; polling its socket would spin on POLLHUP.
        let count: nfds_t = watchPeer ? 2 : 1
        while poll(&fds, count, -1) < 0 {
            if errno != EINTR { throw .failed(String(cString: strerror(errno))) }
        }
        if fds[0].revents != 0 && channel.isForced { throw .forced }
        guard watchPeer else { return true }
        let socketEvents = fds[1].revents
        if socketEvents & Int16(POLLERR | POLLHUP) != 0 { return false }
        if socketEvents & Int16(POLLIN) != 0 {
            switch readOnce() {
            case .done, .wantRead, .wantWrite: return true
            case .closed, .failed: return false
            }
        }
        return true
    }

    /// After an error response: stop sending, then read and discard what the client is still
    /// sending for a moment, so it gets the response instead of a reset.
    func lingeringClose() {
        transport.shutdownWrite()
        let deadline = ContinuousClock.now + .seconds(1)
        var discarded = 0
        while discarded < (1 << 20), ContinuousClock.now < deadline {
            var fds = [pollfd(fd: transport.fd, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 1, 100) > 0 else { continue }
            guard case let .done(n) = scratch.withUnsafeMutableBytes({ transport.read($0) }) else { return }
            discarded += n
        }
    }
}
