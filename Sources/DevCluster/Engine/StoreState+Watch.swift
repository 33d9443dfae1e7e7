import Foundation
import JSON

extension StoreState {
    /// Opens a watch. From "" or "0": every current object as ADDED first. From N: history after N,
    /// or a single ERROR event with 410 Expired when N is older than the history (as kube-apiserver).
    mutating func watch(_ t: ResourceType, namespace: String?, _ o: WatchOptions) throws(APIError) -> WatchSubscription {
        let (stream, continuation) = AsyncStream<WatchEvent>.makeStream(bufferingPolicy: .bufferingOldest(o.bufferLimit))
        let id = nextWatcherID
        nextWatcherID += 1
        let w = Watcher(id: id, type: t, namespace: t.namespaced ? namespace : nil, labels: o.labelSelector,
                        fields: o.fieldSelector, allowBookmarks: o.allowBookmarks, continuation: continuation)
        let requested = o.resourceVersion ?? ""
        if requested.isEmpty || requested == "0" || o.sendInitialEvents {
            var l = ListOptions()
            l.labelSelector = o.labelSelector
            l.fieldSelector = o.fieldSelector
            for item in try list(t, namespace: namespace, l).items where !w.send(WatchEvent(type: .added, object: item)) {
                return WatchSubscription(id: id, events: stream)
            }
            if o.sendInitialEvents && o.allowBookmarks {
                w.send(WatchEvent(type: .bookmark, object: bookmarkObject(t, initialEventsEnd: true)))
            }
        } else {
            guard let from = Int64(requested) else { throw .badRequest("invalid resource version \"\(requested)\"") }
            if from < history.start {
                let err = APIError.expired("too old resource version: \(from) (\(history.start))")
                continuation.yield(WatchEvent(type: .error, object: err.status))
                continuation.finish()
                return WatchSubscription(id: id, events: stream)
            }
            for e in history.since(from) {
                if let we = w.translate(e), !w.send(we) { return WatchSubscription(id: id, events: stream) }
            }
        }
        watchers[id] = w
        return WatchSubscription(id: id, events: stream)
    }
}
