#if canImport(Glibc)
import Glibc
#endif
import COpenSSL

/// TLS over a non-blocking socket. The SSL object is used only by its connection's thread.
final class TLSTransport: Transport {
    let fd: Int32
    private let ssl: OpaquePointer
    private let context: TLSContext   // keeps the SSL_CTX alive as long as the connection
    private var isClosed = false
    /// After a fatal error or the peer's close, OpenSSL forbids SSL_shutdown.
    private var isBroken = false
    private var sentCloseNotify = false
    private(set) var clientCertificate: ClientCertificateIdentity?

    init?(fd: Int32, context: TLSContext) {
        guard let ssl = SSL_new(context.context) else { return nil }
        self.fd = fd
        self.ssl = ssl
        self.context = context
        SSL_set_fd(ssl, fd)
    }

    func handshake() -> IOStatus {
        ERR_clear_error()
        let rc = SSL_accept(ssl)
        if rc == 1 {
            if context.verifiesClients { clientCertificate = PeerIdentity.verified(ssl) }
            return .done(0)
        }
        return status(rc)
    }

    func read(_ buffer: UnsafeMutableRawBufferPointer) -> IOStatus {
        ERR_clear_error()
        let rc = SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
        return rc > 0 ? .done(Int(rc)) : status(rc)
    }

    func write(_ buffer: UnsafeRawBufferPointer) -> IOStatus {
        ERR_clear_error()
        let rc = SSL_write(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
        return rc > 0 ? .done(Int(rc)) : status(rc)
    }

    var hasBufferedInput: Bool { SSL_pending(ssl) > 0 }

    func shutdownWrite() {
        sendCloseNotify()
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        // Clients such as Python's ssl report a close without close_notify as an error.
        sendCloseNotify()
        SSL_free(ssl)
        _ = Glibc.close(fd)
    }

    /// Best effort on a non-blocking socket: never waits.
    private func sendCloseNotify() {
        guard !isBroken, !sentCloseNotify, SSL_is_init_finished(ssl) == 1 else { return }
        sentCloseNotify = true
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    private func status(_ rc: Int32) -> IOStatus {
        let savedErrno = errno
        switch SSL_get_error(ssl, rc) {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN: return .closed
        case SSL_ERROR_SYSCALL:
            isBroken = true
            if savedErrno == 0 || savedErrno == ECONNRESET || savedErrno == EPIPE { return .closed }
            return .failed(String(cString: strerror(savedErrno)))
        default:
            isBroken = true
            return .failed(OpenSSLErrors.drain())
        }
    }
}
