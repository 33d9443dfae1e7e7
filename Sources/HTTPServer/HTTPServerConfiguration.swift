/// How an `HTTPServer` listens and which limits it enforces.
public struct HTTPServerConfiguration: Sendable {
    /// A numeric address ("127.0.0.1", "::1") or a name; every address a name resolves to is bound.
    public var host: String = "127.0.0.1"
    /// 0 picks an ephemeral port; `HTTPServer.start()` returns the one bound.
    public var port: Int = 0
    /// nil serves plain HTTP.
    public var tls: TLSConfiguration? = nil
    /// Larger request bodies are answered with 413 and the connection is closed.
    public var maxRequestBodyBytes: Int = 16 << 20
    /// A request line plus headers larger than this is answered with 431 and the connection is closed.
    public var maxHeaderBytes: Int = 64 << 10
    /// How long a connection may sit without progress (no request, no readable or writable bytes) before it is closed;
    /// also the time a request line and headers have to arrive whole once they have started.
    public var idleTimeout: Duration = .seconds(90)
    /// Connections beyond this are closed as soon as they are accepted: each one holds a thread.
    public var maxConnections: Int = 4096

    public init(host: String = "127.0.0.1", port: Int = 0, tls: TLSConfiguration? = nil,
                maxRequestBodyBytes: Int = 16 << 20, maxHeaderBytes: Int = 64 << 10,
                idleTimeout: Duration = .seconds(90), maxConnections: Int = 4096) {
        self.host = host
        self.port = port
        self.tls = tls
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}
