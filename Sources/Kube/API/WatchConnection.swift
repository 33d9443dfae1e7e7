import Foundation
import JSON

/// The state of one watch request. Not shared between tasks: an iterator is used by one consumer.
final class WatchConnection: @unchecked Sendable {
    let client: KubeClient
    let call: APICall
    private let invalid: KubeError?
    private var body: BodyStream?
    private var lines = LineBuffer()
    private var finished = false
    private var sawEnd = false

    init(client: KubeClient, call: Result<APICall, KubeError>) {
        self.client = client
        switch call {
        case .success(let c):
            self.call = c
            invalid = nil
        case .failure(let e):
            self.call = APICall(method: "GET", verb: "watch", path: "/")
            invalid = e
        }
    }

    deinit {
        // Dropping the iterator ends the HTTP request.
        body?.cancel()
    }

    /// The most bytes the body buffer held at once (tests check the bound).
    var peakBufferedBytes: Int { body?.peakBufferedBytes ?? 0 }

    /// The most bytes the frame splitter held at once.
    var peakLineBufferBytes: Int { lines.peakStorage }

    func next() async throws(KubeError) -> WatchEvent? {
        if finished { return nil }
        if let invalid {
            finished = true
            throw invalid
        }
        if body == nil {
            do { try await start() } catch {
                finished = true
                throw error
            }
        }
        guard let body else { return nil }
        while true {
            if let range = lines.nextLine() {
                if range.isEmpty { continue }
                return try decodeEvent(range)
            }
            if lines.overflowed {
                finish()
                throw .decoding("watch \(call.path): an event exceeds \(lines.maxLineBytes) bytes without a line break")
            }
            let chunk: Data?
            do { chunk = try await body.next() } catch {
                finish()
                throw error
            }
            guard let chunk else {
                // A last event without its newline still counts; then the watch is over.
                if lines.pendingCount > 0, !sawEnd {
                    sawEnd = true
                    lines.append(Data([0x0A]))
                    continue
                }
                finish()
                return nil
            }
            lines.append(chunk)
        }
    }

    private func finish() {
        finished = true
        body?.cancel()
    }

    private func start() async throws(KubeError) {
        client.record(call)
        let startTime = ContinuousClock.now
        var reauthenticated = false
        var attempt = 0
        while true {
            try await client.limiter.acquire()
            let request = try await client.transportRequest(call, timeout: nil)
            let stream = BodyStream(highWater: client.configuration.watchBufferBytes)
            switch await client.loop.stream(request, body: stream) {
            case .failure(let f):
                if f.retryable, attempt < client.configuration.maxRetries {
                    try await client.sleep(client.backoff(attempt))
                    attempt += 1
                    continue
                }
                client.observe(call, code: nil, start: startTime)
                finished = true
                throw f.error
            case .success(let head):
                if (200..<300).contains(head.status) {
                    client.observe(call, code: head.status, start: startTime)
                    body = stream
                    return
                }
                let errorBody = await Self.collect(stream, limit: 1 << 20)
                if head.status == 401, !reauthenticated, client.credentials.invalidate() {
                    reauthenticated = true
                    continue
                }
                if let delay = client.retryDelay(call, status: head.status, headers: head.headers, attempt: attempt) {
                    attempt += 1
                    try await client.sleep(delay)
                    continue
                }
                client.observe(call, code: head.status, start: startTime)
                finished = true
                throw KubeClient.error(status: head.status, body: errorBody)
            }
        }
    }

    private static func collect(_ stream: BodyStream, limit: Int) async -> Data {
        var out = Data()
        while out.count < limit, let chunk = try? await stream.next() { out.append(chunk) }
        stream.cancel()
        return out
    }

    private func decodeEvent(_ range: Range<Int>) throws(KubeError) -> WatchEvent {
        let parsed: Result<JSONValue, JSONParseError> = lines.withLine(range) { buf in
            do throws(JSONParseError) { return .success(try JSONParser.parse(bytes: buf, depthPolicy: .replaceWithMarker)) } catch { return .failure(error) }
        }
        let v: JSONValue
        switch parsed {
        case .success(let value): v = value
        case .failure(let e):
            finish()
            throw .decoding("watch \(call.path): \(e.description)")
        }
        guard let type = v["type"]?.stringValue, let object = v["object"] else {
            finish()
            throw .decoding("watch \(call.path): event without type or object")
        }
        if let t = WatchEvent.EventType(rawValue: type) { return WatchEvent(type: t, object: object) }
        finish()
        if type == "ERROR" {
            let status = APIStatus(object) ?? APIStatus(message: JSONWriter.string(object), reason: "Unknown", code: 500)
            if status.code == 410 { throw .resourceVersionExpired(status.message ?? "410 Gone") }
            throw .status(status)
        }
        throw .decoding("watch \(call.path): unknown event type \(type)")
    }
}
