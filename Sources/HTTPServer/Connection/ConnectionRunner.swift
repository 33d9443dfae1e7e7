import Foundation

/// Serves one accepted connection on its own thread: TLS handshake, then requests one after
/// another (keep-alive), each handed to the handler on a task while this thread does the I/O.
final class ConnectionRunner {
    private let io: ConnectionIO
    private let channel: ConnectionChannel
    private let configuration: HTTPServerConfiguration
    private let handler: HTTPHandler
    private let remoteAddress: String

    init(transport: any Transport, channel: ConnectionChannel, configuration: HTTPServerConfiguration,
         handler: @escaping HTTPHandler, remoteAddress: String) {
        io = ConnectionIO(transport: transport, channel: channel, idleTimeout: configuration.idleTimeout)
        self.channel = channel
        self.configuration = configuration
        self.handler = handler
        self.remoteAddress = remoteAddress
    }

    func run() {
        defer {
            channel.close()
            io.transport.close()
        }
        do {
            try handshake()
            let reader = RequestReader(io: io, maxHeaderBytes: configuration.maxHeaderBytes, maxBodyBytes: configuration.maxRequestBodyBytes)
            while let (head, body) = try reader.read() {
                guard try serve(head, body) else { break }
                channel.resetForNextRequest()
            }
        } catch .rejected(let error) {
            reject(error)
        } catch {
            // Peer gone, timeout, shutdown: nothing left to tell the client.
        }
    }

    private func handshake() throws(ConnectionEnd) {
        while true {
            switch io.transport.handshake() {
            case .done: return
            case .wantRead: try io.wait(events: Int16(POLLIN), idle: true)
            case .wantWrite: try io.wait(events: Int16(POLLOUT), idle: true)
            case .closed: throw .peerClosed
            case let .failed(reason): throw .failed(reason)
            }
        }
    }

    private func reject(_ error: HTTPParseError) {
        let body = Data("\(error.status) \(ResponseHead.reasonPhrase(error.status)): \(error.message)\n".utf8)
        var response = ResponseHead.serialize(status: error.status, headers: ["Content-Type": "text/plain; charset=utf-8"],
                                              framing: .contentLength(body.count), keepAlive: false, minorVersion: 1)
        response.append(body)
        guard (try? io.writeAll(response)) != nil else { return }
        io.lingeringClose()
    }

    // MARK: One exchange

    /// Runs the handler and sends its response. Returns whether the connection stays open.
    private func serve(_ head: RequestHead, _ body: Data) throws(ConnectionEnd) -> Bool {
        let request = HTTPRequest(method: head.method, path: head.path, rawQuery: head.rawQuery, query: head.query,
                                  headers: head.headers, body: body, remoteAddress: remoteAddress,
                                  clientCertificate: io.transport.clientCertificate)
        let isHead = head.method == "HEAD"
        let handler = self.handler, channel = self.channel
        channel.attach(Task.detached {
            let response = await handler(request)
            switch response.body {
            case let .data(data):
                channel.post(.respond(status: response.status, headers: response.headers, body: data))
            case let .stream(produce):
                channel.post(.beginStream(status: response.status, headers: response.headers))
                // HEAD gets the head of what GET would send, and no body.
                if isHead {
                    channel.post(.endStream(failed: false))
                    return
                }
                do {
                    try await produce(ChannelBodyWriter(channel: channel))
                    channel.post(.endStream(failed: false))
                } catch {
                    channel.post(.endStream(failed: true))
                }
            }
        })
        var exchange = Exchange(keepAlive: Self.wantsKeepAlive(head), minorVersion: head.minorVersion, isHead: isHead)
        while true {
            let commands = channel.takeCommands()
            if commands.isEmpty {
                if try !io.waitForCommands(watchPeer: !exchange.peerGone, maxBuffered: configuration.maxHeaderBytes) {
                    peerLeft(&exchange)
                }
                continue
            }
            for command in commands {
                if let keepAlive = try perform(command, &exchange) { return keepAlive }
            }
        }
    }

    private struct Exchange {
        var keepAlive: Bool
        let minorVersion: Int
        let isHead: Bool
        var peerGone = false
        var chunked = false
        var bodyAllowed = true
    }

    /// Sends one command's bytes; returns the keep-alive decision once the response is complete.
    private func perform(_ command: ConnectionCommand, _ exchange: inout Exchange) throws(ConnectionEnd) -> Bool? {
        switch command {
        case let .respond(handlerStatus, headers, body):
            let status = Self.finalStatus(handlerStatus)
            guard !exchange.peerGone else { return false }
            let keepAlive = decideKeepAlive(&exchange, headers)
            let hasBody = ResponseHead.hasBody(status: status)
            var length = body.count
            // A HEAD handler may state the length GET would have without building the body.
            if exchange.isHead, body.isEmpty, let declared = headers["Content-Length"].flatMap({ Int($0) }), declared >= 0 {
                length = declared
            }
            var bytes = ResponseHead.serialize(status: status, headers: headers, framing: hasBody ? .contentLength(length) : .noBody,
                                               keepAlive: keepAlive, minorVersion: exchange.minorVersion)
            let sendBody = hasBody && !exchange.isHead && !body.isEmpty
            // One write for small responses; large bodies are not copied into the head's buffer.
            if sendBody && body.count <= 16 << 10 { bytes.append(body) }
            try send(bytes, &exchange)
            if sendBody && body.count > 16 << 10 { try send(body, &exchange) }
            return exchange.peerGone ? false : keepAlive
        case let .beginStream(handlerStatus, headers):
            let status = Self.finalStatus(handlerStatus)
            guard !exchange.peerGone else { return nil }
            exchange.bodyAllowed = ResponseHead.hasBody(status: status) && !exchange.isHead
            // HTTP/1.0 has no chunked encoding: the body ends with the connection.
            exchange.chunked = exchange.minorVersion == 1
            if !exchange.chunked { exchange.keepAlive = false }
            let keepAlive = decideKeepAlive(&exchange, headers)
            let framing: ResponseHead.Framing = !ResponseHead.hasBody(status: status) ? .noBody : exchange.chunked ? .chunked : .untilClose
            try send(ResponseHead.serialize(status: status, headers: headers, framing: framing, keepAlive: keepAlive,
                                            minorVersion: exchange.minorVersion), &exchange)
            return nil
        case let .chunk(data, continuation):
            if exchange.peerGone {
                continuation.resume(throwing: channel.isShuttingDown ? HTTPServerError.shuttingDown : .clientDisconnected)
                return nil
            }
            guard exchange.bodyAllowed else {
                continuation.resume()
                return nil
            }
            do {
                try send(exchange.chunked ? Self.chunkFrame(data) : data, &exchange)
            } catch {
                continuation.resume(throwing: HTTPServerError.shuttingDown)
                throw error
            }
            if exchange.peerGone {
                continuation.resume(throwing: HTTPServerError.clientDisconnected)
            } else {
                continuation.resume()
            }
            return nil
        case let .endStream(failed):
            // A failed stream must not look complete: the connection is dropped without the last chunk.
            guard !failed, !exchange.peerGone else { return false }
            if exchange.chunked && exchange.bodyAllowed { try send(Data("0\r\n\r\n".utf8), &exchange) }
            return exchange.peerGone ? false : exchange.keepAlive
        }
    }

    /// Writes; a peer that has gone is recorded (the handler keeps running until it notices),
    /// while a forced shutdown ends the connection.
    private func send(_ data: Data, _ exchange: inout Exchange) throws(ConnectionEnd) {
        guard !exchange.peerGone else { return }
        do {
            try io.writeAll(data)
        } catch .forced {
            throw .forced
        } catch {
            peerLeft(&exchange)
        }
    }

    private func peerLeft(_ exchange: inout Exchange) {
        exchange.peerGone = true
        channel.failWriters(.clientDisconnected)
    }

    private func decideKeepAlive(_ exchange: inout Exchange, _ headers: HTTPHeaders) -> Bool {
        if channel.isShuttingDown || Self.tokens(headers.values("Connection")).contains("close") {
            exchange.keepAlive = false
        }
        return exchange.keepAlive
    }

    /// A handler's status must be a final one: interim (1xx) or out-of-range codes would leave
    /// the client waiting or unable to parse the response, so they become 500.
    static func finalStatus(_ status: Int) -> Int { (200...999).contains(status) ? status : 500 }

    static func chunkFrame(_ data: Data) -> Data {
        var frame = Data(String(data.count, radix: 16).utf8)
        frame.reserveCapacity(data.count + 12)
        frame.append(contentsOf: [0x0d, 0x0a])
        frame.append(data)
        frame.append(contentsOf: [0x0d, 0x0a])
        return frame
    }

    static func wantsKeepAlive(_ head: RequestHead) -> Bool {
        let tokens = tokens(head.headers.values("Connection"))
        return head.minorVersion == 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    private static func tokens(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
