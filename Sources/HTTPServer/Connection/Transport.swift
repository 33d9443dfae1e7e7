/// The outcome of one non-blocking transport call.
enum IOStatus {
    /// `n` bytes moved (0 for a finished handshake).
    case done(Int)
    /// The peer closed its side.
    case closed
    /// Retry once the socket is readable / writable.
    case wantRead
    case wantWrite
    case failed(String)
}

/// A non-blocking byte stream over one accepted socket, plain or TLS. Used only by its
/// connection's thread.
protocol Transport: AnyObject {
    var fd: Int32 { get }
    func handshake() -> IOStatus
    func read(_ buffer: UnsafeMutableRawBufferPointer) -> IOStatus
    func write(_ buffer: UnsafeRawBufferPointer) -> IOStatus
    /// Bytes already decrypted but not yet read: poll would not report them.
    var hasBufferedInput: Bool { get }
    /// The verified TLS client certificate's identity, after the handshake.
    var clientCertificate: ClientCertificateIdentity? { get }
    /// Says "no more data" to the peer and keeps reading possible (for a lingering close).
    func shutdownWrite()
    /// Releases everything, including the socket.
    func close()
}
