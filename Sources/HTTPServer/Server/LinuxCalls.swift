#if canImport(Glibc)
import Glibc
#endif

/// glibc calls that Swift's Glibc module does not import (they sit behind `_GNU_SOURCE` or in
/// headers it leaves out). Resolved with dlsym and called through properly typed C function
/// pointers, which keeps the package free of an extra C target.
enum LinuxCalls {
    private typealias Accept4 = @convention(c) (Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32) -> Int32
    private typealias EventFD = @convention(c) (UInt32, Int32) -> Int32
    private typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>?) -> Int32

    /// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC: the socket is never inherited by a child
    /// process spawned at the same moment.
    static func acceptNonBlocking(_ listener: Int32, _ address: UnsafeMutablePointer<sockaddr>, _ length: UnsafeMutablePointer<socklen_t>) -> Int32 {
        guard let symbol = dlsym(nil, "accept4") else {
            errno = ENOSYS
            return -1
        }
        let accept4 = unsafeBitCast(symbol, to: Accept4.self)
        return accept4(listener, address, length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
    }

    /// A non-blocking, close-on-exec eventfd, or -1.
    static func eventFD() -> Int32 {
        guard let symbol = dlsym(nil, "eventfd") else {
            errno = ENOSYS
            return -1
        }
        let eventfd = unsafeBitCast(symbol, to: EventFD.self)
        return eventfd(0, O_NONBLOCK | O_CLOEXEC)
    }

    /// Names the calling thread (at most 15 bytes are kept), so `top -H`, gdb and tests can
    /// tell the server's threads apart.
    static func nameCurrentThread(_ name: String) {
        guard let symbol = dlsym(nil, "pthread_setname_np") else { return }
        let setName = unsafeBitCast(symbol, to: SetName.self)
        _ = setName(pthread_self(), String(name.utf8.prefix(15)) ?? "http")
    }
}
