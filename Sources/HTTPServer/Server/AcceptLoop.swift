#if canImport(Glibc)
import Glibc
#endif

/// The accept thread: waits on the listening sockets and the server's wake signal, and gives
/// each accepted socket its own connection thread. It owns (and closes) the listening sockets.
struct AcceptLoop: Sendable {
    let listeners: [Int32]
    let wake: WakeSignal
    let registry: ConnectionRegistry
    let configuration: HTTPServerConfiguration
    let tls: TLSContext?
    let handler: HTTPHandler
    /// Names the server's threads "http:PORT".
    let threadName: String

    func run() {
        defer {
            for fd in listeners { close(fd) }
            registry.threadExited()
        }
        var fds = listeners.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        fds.append(pollfd(fd: wake.fd, events: Int16(POLLIN), revents: 0))
        while !registry.isClosing {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                return
            }
            if registry.isClosing { return }
            for index in listeners.indices where fds[index].revents != 0 {
                acceptAll(listeners[index])
            }
        }
    }

    private func acceptAll(_ listener: Int32) {
        while true {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    LinuxCalls.acceptNonBlocking(listener, $0, &length)
                }
            }
            if fd < 0 {
                // Out of descriptors: back off a little instead of spinning on a readable listener.
                if errno == EMFILE || errno == ENFILE { usleep(10_000) }
                return
            }
            let remote = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { ListeningSocket.describe($0) }
            }
            start(fd: fd, remoteAddress: remote)
        }
    }

    private func start(fd: Int32, remoteAddress: String) {
        var on: Int32 = 1
        // Each streamed chunk must leave at once, not wait for Nagle.
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        guard let channel = ConnectionChannel() else {
            close(fd)
            return
        }
        guard let id = registry.register(channel) else {
            channel.close()
            close(fd)
            return
        }
        let configuration = self.configuration, handler = self.handler, tls = self.tls, registry = self.registry
        do {
            try NativeThread.spawn(name: threadName) {
                defer { registry.unregister(id) }
                let transport: any Transport
                if let tls {
                    guard let secure = TLSTransport(fd: fd, context: tls) else {
                        channel.close()
                        close(fd)
                        return
                    }
                    transport = secure
                } else {
                    transport = PlainTransport(fd: fd)
                }
                ConnectionRunner(transport: transport, channel: channel, configuration: configuration,
                                 handler: handler, remoteAddress: remoteAddress).run()
            }
        } catch {
            channel.close()
            close(fd)
            registry.unregister(id)
        }
    }
}
