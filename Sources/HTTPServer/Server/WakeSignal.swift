#if canImport(Glibc)
import Glibc
#endif

/// An eventfd that another thread signals to interrupt a `poll` on a connection or the
/// listener (new work queued, shutdown). Closed by its owner thread.
struct WakeSignal: Sendable {
    let fd: Int32

    init?() {
        let fd = LinuxCalls.eventFD()
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    func signal() {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { write(fd, $0.baseAddress, 8) }
    }

    /// Resets the counter so the next poll blocks again.
    func drain() {
        var value: UInt64 = 0
        _ = withUnsafeMutableBytes(of: &value) { read(fd, $0.baseAddress, 8) }
    }

    func close() { _ = Glibc.close(fd) }
}
