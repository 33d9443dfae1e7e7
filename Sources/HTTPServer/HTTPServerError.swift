/// Everything the HTTP server layer reports: start-up failures and the errors a streaming
/// response's writer throws.
public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `host` did not resolve to any address.
    case invalidAddress(host: String, reason: String)
    case bindFailed(address: String, reason: String)
    case listenFailed(address: String, reason: String)
    /// The certificate, key or client CA in `TLSConfiguration` could not be used.
    case tlsConfiguration(String)
    case alreadyStarted
    /// The server was shut down; it cannot be started again.
    case stopped
    case threadCreationFailed(reason: String)
    /// Thrown by `HTTPBodyWriter.write` once the client has closed the connection or a write to it failed.
    case clientDisconnected
    /// Thrown by `HTTPBodyWriter.write` once the server is shutting down.
    case shuttingDown

    public var description: String {
        switch self {
        case let .invalidAddress(host, reason): "cannot listen on host \"\(host)\": \(reason); use an IP address such as 127.0.0.1 or ::1"
        case let .bindFailed(address, reason): "cannot bind \(address): \(reason); choose another port or use port 0 for an ephemeral one"
        case let .listenFailed(address, reason): "cannot listen on \(address): \(reason)"
        case let .tlsConfiguration(reason): "TLS configuration: \(reason)"
        case .alreadyStarted: "the server is already started; create a new HTTPServer to listen again"
        case .stopped: "the server has been shut down; create a new HTTPServer to listen again"
        case let .threadCreationFailed(reason): "cannot start a server thread: \(reason)"
        case .clientDisconnected: "the client closed the connection"
        case .shuttingDown: "the server is shutting down"
        }
    }
}
