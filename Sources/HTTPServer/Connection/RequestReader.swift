import Foundation

/// Reads one request (head and body) from a connection, answering `Expect: 100-continue`.
struct RequestReader {
    let io: ConnectionIO
    let maxHeaderBytes: Int
    let maxBodyBytes: Int

    /// Longest chunk-size line accepted; real clients send a few hex digits.
    static let maxChunkLineBytes = 4096

    /// The next request, or nil when the peer closed cleanly between requests.
    func read() throws(ConnectionEnd) -> (RequestHead, Data)? {
        guard let head = try readHead() else { return nil }
        let framing: BodyFraming
        do { framing = try BodyFraming.of(head, limit: maxBodyBytes) } catch { throw .rejected(error) }
        if let expect = head.headers["Expect"] {
            guard expect.lowercased() == "100-continue" else { throw .rejected(.expectationFailed(expect)) }
            // Only worth sending while the client is waiting for it, i.e. no body bytes came yet.
            if head.minorVersion == 1, framing != .none, io.buffered == 0 {
                try io.writeAll(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
            }
        }
        switch framing {
        case .none: return (head, Data())
        case let .contentLength(length): return (head, try readBody(length: length))
        case .chunked: return (head, try readChunkedBody())
        }
    }

    private func readHead() throws(ConnectionEnd) -> RequestHead? {
        var scanFrom = 0
        defer { io.deadline = nil }
        while true {
            skipLeadingEmptyLines()
            if let headLength = io.withBufferedNonThrowing({ Self.headLength($0, scanFrom: &scanFrom) }) {
                if headLength.total > maxHeaderBytes { throw .rejected(.headersTooLarge(limit: maxHeaderBytes)) }
                let parsed = io.withBufferedNonThrowing { bytes in
                    Result { () throws(HTTPParseError) in try RequestHead.parse(UnsafeRawBufferPointer(rebasing: bytes[..<headLength.content])) }
                }
                io.consume(headLength.total)
                switch parsed {
                case let .success(head): return head
                case let .failure(error): throw .rejected(error)
                }
            }
            if io.buffered > maxHeaderBytes { throw .rejected(.headersTooLarge(limit: maxHeaderBytes)) }
            let idle = io.buffered == 0
            if idle && io.channel.isShuttingDown { throw .idleShutdown }
            if !idle && io.deadline == nil { io.deadline = .now + io.idleTimeout }
            do { try io.fill(idle: idle) } catch .peerClosed where idle { return nil }
        }
    }

    /// RFC 9112 §2.2: empty lines before a request line are ignored (some clients send CRLF after a body).
    private func skipLeadingEmptyLines() {
        let count = io.withBufferedNonThrowing { bytes in
            var n = 0
            while n < bytes.count, bytes[n] == UInt8(ascii: "\r") || bytes[n] == UInt8(ascii: "\n") { n += 1 }
            return n
        }
        io.consume(count)
    }

    /// Where the head ends: `content` excludes the blank line, `total` includes it. `scanFrom`
    /// remembers how far a previous call looked, so a slowly arriving head is scanned once.
    static func headLength(_ bytes: UnsafeRawBufferPointer, scanFrom: inout Int) -> (content: Int, total: Int)? {
        var index = scanFrom
        while index < bytes.count {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                scanFrom = bytes.count
                return nil
            }
            if newline + 1 < bytes.count {
                if bytes[newline + 1] == UInt8(ascii: "\n") { return (newline + 1, newline + 2) }
                if bytes[newline + 1] == UInt8(ascii: "\r") {
                    guard newline + 2 < bytes.count else { scanFrom = newline; return nil }
                    if bytes[newline + 2] == UInt8(ascii: "\n") { return (newline + 1, newline + 3) }
                }
            } else {
                scanFrom = newline
                return nil
            }
            index = newline + 1
        }
        scanFrom = max(scanFrom, bytes.count)
        return nil
    }

    private func readBody(length: Int) throws(ConnectionEnd) -> Data {
        var body = Data()
        body.reserveCapacity(length)
        while body.count < length {
            if io.buffered == 0 { try io.fill(idle: false) }
            _ = io.move(upTo: length - body.count, into: &body)
        }
        return body
    }

    private func readChunkedBody() throws(ConnectionEnd) -> Data {
        var body = Data()
        while true {
            let line = try readLine(limit: Self.maxChunkLineBytes)
            let parsed = line.withUnsafeBytes { bytes in Result { () throws(HTTPParseError) in try ChunkSizeLine.parse(bytes) } }
            guard case let .success(size) = parsed else {
                if case let .failure(error) = parsed { throw .rejected(error) }
                return body
            }
            if size == 0 { break }
            guard body.count + size <= maxBodyBytes else { throw .rejected(.bodyTooLarge(limit: maxBodyBytes)) }
            let target = body.count + size
            while body.count < target {
                if io.buffered == 0 { try io.fill(idle: false) }
                _ = io.move(upTo: target - body.count, into: &body)
            }
            try expectLineEnd()
        }
        // Trailer fields are read and dropped; their total size counts against the header limit.
        var trailerBytes = 0
        while true {
            let line = try readLine(limit: maxHeaderBytes)
            if line.isEmpty { return body }
            trailerBytes += line.count
            if trailerBytes > maxHeaderBytes { throw .rejected(.headersTooLarge(limit: maxHeaderBytes)) }
        }
    }

    /// The CRLF (or bare LF) that must follow chunk data: anything else is rejected at once
    /// instead of waiting for a newline that may never come.
    private func expectLineEnd() throws(ConnectionEnd) {
        while io.buffered < 2 {
            if io.buffered == 1, io.withBufferedNonThrowing({ $0.first }) == UInt8(ascii: "\n") { break }
            if io.buffered == 1, io.withBufferedNonThrowing({ $0.first }) != UInt8(ascii: "\r") { break }
            try io.fill(idle: false)
        }
        let consumed: Int? = io.withBufferedNonThrowing { bytes in
            if bytes.first == UInt8(ascii: "\n") { return 1 }
            if bytes.count >= 2, bytes[0] == UInt8(ascii: "\r"), bytes[1] == UInt8(ascii: "\n") { return 2 }
            return nil
        }
        guard let consumed else { throw .rejected(.malformed("chunk data is not followed by CRLF")) }
        io.consume(consumed)
    }

    /// One line without its CRLF (or LF).
    private func readLine(limit: Int) throws(ConnectionEnd) -> [UInt8] {
        while true {
            let found: (line: [UInt8], consumed: Int)? = io.withBufferedNonThrowing { bytes in
                guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
                var end = newline
                if end > 0 && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                return (Array(bytes[..<end]), newline + 1)
            }
            if let found {
                io.consume(found.consumed)
                return found.line
            }
            if io.buffered > limit + 2 { throw .rejected(.malformed("line in chunked body exceeds \(limit) bytes")) }
            try io.fill(idle: false)
        }
    }
}
