import Foundation
import JSON

/// A watch as an async sequence. The request starts on the first `next()`; it ends with nil
/// when the server closes the watch (re-watch from the last resourceVersion), and throws
/// `KubeError.resourceVersionExpired` on HTTP 410 or an ERROR event with code 410.
public struct WatchStream: AsyncSequence, Sendable {
    public typealias Element = WatchEvent
    public typealias Failure = KubeError

    let client: KubeClient
    /// The request, or why it cannot be made (reported by the first `next()`).
    let call: Result<APICall, KubeError>

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
        let call = Result { () throws(KubeError) -> APICall in
            APICall(method: "GET", verb: "watch", gvr: r, path: try APICall.path(r, namespace: namespace, name: nil, subresource: nil),
                    query: options.query)
        }
        return WatchStream(client: self, call: call)
    }
}
