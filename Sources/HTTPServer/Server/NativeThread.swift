#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts detached OS threads for the blocking parts of the server (accepting, one per
/// connection), so that none of them ever occupies Swift's cooperative pool.
enum NativeThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Connection threads only parse and copy buffers; 512 KiB of stack is plenty and keeps
    /// thousands of connections cheap in address space.
    static let stackSize = 512 << 10

    /// Starts `body` on a new detached thread called `name`.
    static func spawn(name: String, _ body: @escaping @Sendable () -> Void) throws(HTTPServerError) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        pthread_attr_setstacksize(&attributes, stackSize)
        let context = Unmanaged.passRetained(Body {
            LinuxCalls.nameCurrentThread(name)
            body()
        }).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            let body = Unmanaged<Body>.fromOpaque(raw).takeRetainedValue()
            body.run()
            return nil
        }, context)
        if rc != 0 {
            Unmanaged<Body>.fromOpaque(context).release()
            throw .threadCreationFailed(reason: String(cString: strerror(rc)))
        }
    }
}
