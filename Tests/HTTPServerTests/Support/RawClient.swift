import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client with a receive timeout, for driving the server byte by byte.
/// Use it from `offPool`.
final class RawClient: @unchecked Sendable {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(host: String = "127.0.0.1", port: Int, timeout: Duration = .seconds(10)) throws {
        let family = host.contains(":") ? AF_INET6 : AF_INET
        fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestFailure.io("socket: \(String(cString: strerror(errno)))") }
        var seconds = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        let rc: Int32
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port)).bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            rc = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port)).bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            rc = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        guard rc == 0 else {
            close(fd)
            throw TestFailure.io("connect to \(host):\(port): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(Data(text.utf8)) }

    func send(_ data: Data) throws {
        var offset = 0
        while offset < data.count {
            let n = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress.map { $0 + offset }, data.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw TestFailure.io("send: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    /// Closes both directions now (the server sees EOF).
    func closeNow() { shutdown(fd, Int32(SHUT_RDWR)) }

    /// Reads more bytes; false at EOF. Throws on timeout.
    @discardableResult
    func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &chunk, chunk.count, 0)
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        if n == 0 { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw TestFailure.timedOut("waiting for the server to send") }
        if errno == ECONNRESET { return false }
        throw TestFailure.io("recv: \(String(cString: strerror(errno)))")
    }

    func readLine() throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[..<newline]
                buffer.removeSubrange(...newline)
                return String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
            }
            guard try fill() else { throw TestFailure.io("connection closed mid-line") }
        }
    }

    func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw TestFailure.io("connection closed after \(buffer.count) of \(count) bytes") }
        }
        defer { buffer.removeSubrange(..<count) }
        return Array(buffer[..<count])
    }

    /// Everything until the server closes.
    func readToEnd() throws -> [UInt8] {
        while try fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// True when the server has closed the connection (EOF with nothing unread).
    func isClosedByServer() throws -> Bool {
        if !buffer.isEmpty { return false }
        return try !fill()
    }

    func readHead() throws -> TestResponse {
        let statusLine = try readLine()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { throw TestFailure.unexpected("bad status line \"\(statusLine)\"") }
        var response = TestResponse(version: String(parts[0]), status: status)
        while true {
            let line = try readLine()
            if line.isEmpty { return response }
            guard let colon = line.firstIndex(of: ":") else { throw TestFailure.unexpected("bad header \"\(line)\"") }
            response.headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
    }

    /// One chunk of a chunked body; nil for the last (zero) chunk.
    func readChunk() throws -> [UInt8]? {
        let sizeLine = try readLine()
        guard let size = Int(sizeLine.split(separator: ";").first.map(String.init) ?? "", radix: 16) else {
            throw TestFailure.unexpected("bad chunk size line \"\(sizeLine)\"")
        }
        if size == 0 {
            _ = try readLine()
            return nil
        }
        let data = try readBytes(size)
        guard try readLine().isEmpty else { throw TestFailure.unexpected("chunk not followed by CRLF") }
        return data
    }

    /// A whole response; `head` for responses to HEAD (no body whatever the headers say).
    func readResponse(head: Bool = false) throws -> TestResponse {
        var response = try readHead()
        if head || response.status == 204 || response.status == 304 || (100..<200).contains(response.status) { return response }
        if response["transfer-encoding"] == "chunked" {
            var body: [UInt8] = []
            while let chunk = try readChunk() { body += chunk }
            response.body = body
        } else if let length = response["content-length"].flatMap({ Int($0) }) {
            response.body = try readBytes(length)
        } else {
            response.body = try readToEnd()
        }
        return response
    }
}

struct TestResponse: Sendable {
    var version: String
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    subscript(name: String) -> String? { headers.first { $0.0 == name.lowercased() }?.1 }
    var text: String { String(decoding: body, as: UTF8.self) }
}
