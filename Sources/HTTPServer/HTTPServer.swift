#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// An HTTP/1.1 server (optionally TLS) running one `HTTPHandler`.
///
/// ```swift
/// let server = HTTPServer(configuration: HTTPServerConfiguration(tls: tls)) { request in
///     HTTPResponse(status: 200, contentType: "text/plain", body: Data("ok".utf8))
/// }
/// let port = try server.start()
/// ...
/// await server.shutdown()
/// ```
///
/// Each connection has its own thread doing non-blocking I/O with `poll`, so a slow or
/// stalled client holds only its own thread (threads are named "http:PORT"); handlers run
/// as tasks and never block one. A streaming body's `write` returns once its chunk is on the
/// wire and throws `HTTPServerError.clientDisconnected` or `.shuttingDown` when it cannot be;
/// the handler's task is also cancelled then, so a stream waiting for events ends as well.
/// The process ignores SIGPIPE from the first `start()` on.
public final class HTTPServer: Sendable {
    private enum Phase {
        case idle
        case running(port: Int, wake: WakeSignal)
        case stopped
    }

    private let configuration: HTTPServerConfiguration
    private let handler: HTTPHandler
    private let registry: ConnectionRegistry
    private let phase = Mutex(Phase.idle)

    public init(configuration: HTTPServerConfiguration, handler: @escaping HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
        registry = ConnectionRegistry(maxConnections: max(1, configuration.maxConnections))
    }

    /// Binds and listens; accepting runs in the background. Returns the bound port.
    @discardableResult
    public func start() throws(HTTPServerError) -> Int {
        try phase.withLock { (phase) throws(HTTPServerError) -> Int in
            switch phase {
            case .running: throw .alreadyStarted
            case .stopped: throw .stopped
            case .idle: break
            }
            // OpenSSL writes to sockets with write(2): a client that vanished must not kill the process.
            signal(SIGPIPE, SIG_IGN)
            let tls = try configuration.tls.map { (tls) throws(HTTPServerError) in try TLSContext(tls) }
            let (listeners, port) = try ListeningSocket.open(host: configuration.host, port: configuration.port)
            guard let wake = WakeSignal() else {
                listeners.forEach { close($0) }
                throw .threadCreationFailed(reason: "cannot create an eventfd: \(ListeningSocket.errnoText())")
            }
            let loop = AcceptLoop(listeners: listeners, wake: wake, registry: registry, configuration: configuration,
                                  tls: tls, handler: handler, threadName: "http:\(port)")
            registry.acceptThreadStarted()
            do throws(HTTPServerError) {
                try NativeThread.spawn(name: "http:\(port)") { loop.run() }
            } catch {
                registry.threadExited()
                listeners.forEach { close($0) }
                wake.close()
                throw error
            }
            phase = .running(port: port, wake: wake)
            return port
        }
    }

    /// The bound port, 0 before `start()`.
    public var port: Int {
        phase.withLock { if case let .running(port, _) = $0 { port } else { 0 } }
    }

    /// "https://127.0.0.1:PORT", "http://[::1]:PORT".
    public var url: String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "\(configuration.tls == nil ? "http" : "https")://\(host):\(port)"
    }

    /// Open connections, for metrics and tests.
    public var connectionCount: Int { registry.connectionCount }

    /// Stops accepting, closes idle connections, ends streaming responses (their writers throw
    /// and their tasks are cancelled) and waits for running handlers. After `timeout` whatever is
    /// left is closed. Returns once every server thread and descriptor is gone.
    public func shutdown(timeout: Duration = .seconds(5)) async {
        let wake: WakeSignal? = phase.withLock { phase in
            defer { phase = .stopped }
            if case let .running(_, wake) = phase { return wake }
            return nil
        }
        guard let wake else { return }
        let channels = registry.close()
        wake.signal()
        for channel in channels { channel.beginShutdown() }
        if await !waitForThreads(until: .now + timeout) {
            for channel in registry.openChannels { channel.force() }
            // Forced connections leave at their next poll, which the wake interrupts at once.
            _ = await waitForThreads(until: .now + .seconds(5))
        }
        wake.close()
    }

    private func waitForThreads(until deadline: ContinuousClock.Instant) async -> Bool {
        // Polling keeps this free of continuations that a thread would have to resume; it is
        // only used during shutdown.
        while registry.liveThreads > 0 {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }
}
