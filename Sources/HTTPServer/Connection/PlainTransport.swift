#if canImport(Glibc)
import Glibc
#endif

/// Plain TCP: recv/send with MSG_NOSIGNAL so a vanished client never raises SIGPIPE.
final class PlainTransport: Transport {
    let fd: Int32
    private var isClosed = false

    init(fd: Int32) { self.fd = fd }

    func handshake() -> IOStatus { .done(0) }

    func read(_ buffer: UnsafeMutableRawBufferPointer) -> IOStatus {
        let n = recv(fd, buffer.baseAddress, buffer.count, 0)
        if n > 0 { return .done(n) }
        if n == 0 { return .closed }
        return Self.status(errno: errno, would: .wantRead)
    }

    func write(_ buffer: UnsafeRawBufferPointer) -> IOStatus {
        let n = send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
        if n >= 0 { return .done(n) }
        return Self.status(errno: errno, would: .wantWrite)
    }

    var hasBufferedInput: Bool { false }
    var clientCertificate: ClientCertificateIdentity? { nil }

    func shutdownWrite() { _ = shutdown(fd, Int32(SHUT_WR)) }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = Glibc.close(fd)
    }

    static func status(errno code: Int32, would: IOStatus) -> IOStatus {
        switch code {
        case EAGAIN, EWOULDBLOCK, EINTR: would
        case ECONNRESET, EPIPE, ENOTCONN: .closed
        default: .failed(String(cString: strerror(code)))
        }
    }
}
