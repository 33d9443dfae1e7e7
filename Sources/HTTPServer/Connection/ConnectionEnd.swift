/// Why a connection's thread stops serving it.
enum ConnectionEnd: Error {
    case peerClosed
    case timedOut
    case failed(String)
    /// The server's shutdown grace period is over.
    case forced
    /// Shutdown reached a connection waiting for its next request.
    case idleShutdown
    /// The request cannot be served: answer with its status, then close.
    case rejected(HTTPParseError)
}
