import Foundation
import JSON

/// One change seen by a watch.
public struct WatchEvent: Sendable, Hashable {
    public enum EventType: String, Sendable, Hashable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED", bookmark = "BOOKMARK"
    }

    public var type: EventType
    /// The object (for a bookmark: only kind, apiVersion and metadata.resourceVersion).
    public var object: JSONValue

    public init(type: EventType, object: JSONValue) {
        self.type = type
        self.object = object
    }

    /// The object's metadata.resourceVersion, to resume the watch from.
    public var resourceVersion: String? { object[path: ["metadata", "resourceVersion"]]?.stringValue }
}

/// A watch as an async sequence. The request starts on the first `next()`; it ends with nil
/// when the server closes the watch (re-watch from the last resourceVersion), and throws
/// `KubeError.resourceVersionExpired` on HTTP 410 or an ERROR event with code 410.
public struct WatchStream: AsyncSequence, Sendable {
    public typealias Element = WatchEvent
    public typealias Failure = KubeError

    let client: KubeClient
    let call: APICall

    public func makeAsyncIterator() -> Iterator { Iterator(connection: WatchConnection(client: client, call: call)) }

    public struct Iterator: AsyncIteratorProtocol {
        public typealias Element = WatchEvent
        public typealias Failure = KubeError
        let connection: WatchConnection

        public mutating func next() async throws(KubeError) -> WatchEvent? {
            try await connection.next()
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(KubeError) -> WatchEvent? {
            try await connection.next()
        }
    }
}

extension KubeClient {
    /// Watches a collection (`namespace` nil: all namespaces or cluster-scoped).
    public func watch(_ r: GroupVersionResource, namespace: String?, options: WatchOptions = .init()) -> WatchStream {
        let path = (try? APICall.path(r, namespace: namespace, name: nil, subresource: nil)) ?? r.basePath + "/" + r.resource
        return WatchStream(client: self, call: APICall(method: "GET", verb: "watch", gvr: r, path: path, query: options.query))
    }
}

/// The state of one watch request. Not shared between tasks: an iterator is used by one consumer.
final class WatchConnection: @unchecked Sendable {
    let client: KubeClient
    let call: APICall
    private var body: BodyStream?
    private var lines = LineBuffer()
    private var finished = false

    init(client: KubeClient, call: APICall) {
        self.client = client
        self.call = call
    }

    deinit {
        // Dropping the iterator ends the HTTP request.
        body?.cancel()
    }

    /// The most bytes the body buffer held at once (tests check the bound).
    var peakBufferedBytes: Int { body?.peakBufferedBytes ?? 0 }

    func next() async throws(KubeError) -> WatchEvent? {
        if finished { return nil }
        if body == nil { try await start() }
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
            do throws(JSONParseError) { return .success(try JSONParser.parse(bytes: buf)) } catch { return .failure(error) }
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
