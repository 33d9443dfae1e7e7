#if canImport(Glibc)
import Glibc
#endif

/// Opening listening sockets for a host and port, and naming socket addresses.
enum ListeningSocket {
    /// Binds every address `host` resolves to on one port (the first bound port when `port` is 0).
    static func open(host: String, port: Int) throws(HTTPServerError) -> (fds: [Int32], port: Int) {
        guard (0...65535).contains(port) else {
            throw .bindFailed(address: "\(host):\(port)", reason: "port \(port) is out of range 0-65535")
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, "\(port)", &hints, &list)
        guard rc == 0, let list else {
            throw .invalidAddress(host: host, reason: String(cString: gai_strerror(rc)))
        }
        defer { freeaddrinfo(list) }

        var fds: [Int32] = []
        var boundPort = port
        var entry: UnsafeMutablePointer<addrinfo>? = list
        do {
            while let info = entry {
                entry = info.pointee.ai_next
                guard let address = info.pointee.ai_addr else { continue }
                if boundPort != 0 { setPort(address, boundPort) }
                let fd = try bindOne(address, info.pointee.ai_addrlen, family: info.pointee.ai_family)
                fds.append(fd)
                if boundPort == 0 { boundPort = localPort(fd) }
            }
        } catch {
            for fd in fds { close(fd) }
            throw error
        }
        guard !fds.isEmpty else { throw .invalidAddress(host: host, reason: "no usable address") }
        return (fds, boundPort)
    }

    private static func bindOne(_ address: UnsafeMutablePointer<sockaddr>, _ length: socklen_t,
                                family: Int32) throws(HTTPServerError) -> Int32 {
        let name = describe(address)
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw .bindFailed(address: name, reason: errnoText()) }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        // An IPv6 listener must not also claim the IPv4 port: "localhost" binds both explicitly.
        if family == AF_INET6 { setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size)) }
        if bind(fd, address, length) != 0 {
            let reason = errnoText()
            close(fd)
            throw .bindFailed(address: name, reason: reason)
        }
        if listen(fd, 1024) != 0 {
            let reason = errnoText()
            close(fd)
            throw .listenFailed(address: name, reason: reason)
        }
        return fd
    }

    private static func setPort(_ address: UnsafeMutablePointer<sockaddr>, _ port: Int) {
        let networkPort = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
        if Int32(address.pointee.sa_family) == AF_INET6 {
            address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port = networkPort }
        } else {
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port = networkPort }
        }
    }

    static func localPort(_ fd: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let port = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address -> Int in
                guard getsockname(fd, address, &length) == 0 else { return 0 }
                return portOf(address)
            }
        }
        return port
    }

    private static func portOf(_ address: UnsafePointer<sockaddr>) -> Int {
        if Int32(address.pointee.sa_family) == AF_INET6 {
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
        }
        return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
    }

    /// "127.0.0.1:8080" or "[::1]:8080".
    static func describe(_ address: UnsafePointer<sockaddr>) -> String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(address.pointee.sa_family)
        let port = portOf(address)
        if family == AF_INET6 {
            address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                var raw = v6.pointee.sin6_addr
                _ = inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
            }
            return "[\(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))]:\(port)"
        }
        address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
            var raw = v4.pointee.sin_addr
            _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
        }
        return "\(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)):\(port)"
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
