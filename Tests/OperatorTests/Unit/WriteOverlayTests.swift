import Controller
import JSON
import Testing
@testable import Operator

@Suite("Read-your-writes overlay over informer caches")
struct WriteOverlayTests {
    let key = ObjectKey(namespace: "shop", name: "web")
    func object(rv: String, _ marker: String = "") -> JSONValue {
        ["metadata": ["name": "web", "namespace": "shop", "resourceVersion": .string(rv)], "marker": .string(marker)]
    }

    @Test func createIsVisibleUntilTheCacheHasIt() {
        let o = WriteOverlay()
        o.record(key, basedOn: nil, written: object(rv: "10", "ours"))
        #expect(o.read(key, cached: nil)?["marker"] == "ours")
        #expect(o.read(key, cached: object(rv: "10", "cache"))?["marker"] == "cache")
        #expect(o.count == 0)
    }

    @Test func staleCacheShowsOurUpdateNewerCacheWins() {
        let o = WriteOverlay()
        o.record(key, basedOn: object(rv: "9"), written: object(rv: "11", "ours"))
        #expect(o.read(key, cached: object(rv: "9", "stale"))?["marker"] == "ours")
        // Someone edited after our write: the cache is what to act on (drift must be seen).
        #expect(o.read(key, cached: object(rv: "12", "edited"))?["marker"] == "edited")
        #expect(o.read(key, cached: object(rv: "9", "stale"))?["marker"] == "stale")
    }

    @Test func eventsOtherThanTheBaseEndTheOverlay() {
        let o = WriteOverlay()
        o.record(key, basedOn: nil, written: object(rv: "10"))
        o.observed(object(rv: "10"))
        #expect(o.count == 0)
        o.record(key, basedOn: object(rv: "10"), written: object(rv: "11"))
        o.observed(object(rv: "10"))   // a late event for the base version keeps it
        #expect(o.count == 1)
        o.observed(object(rv: "13"))   // a delete or later change ends it
        #expect(o.read(key, cached: nil) == nil)
    }
}

extension WriteOverlayTests {
    @Test func listsShowOurUpdatesAndCreates() {
        let o = WriteOverlay()
        let other = ObjectKey(namespace: "shop", name: "api")
        o.record(key, basedOn: object(rv: "9"), written: object(rv: "11", "ours"))
        o.record(other, basedOn: nil, written: ["metadata": ["name": "api", "namespace": "shop", "resourceVersion": "12"]])
        o.record(ObjectKey(namespace: "elsewhere", name: "x"), basedOn: nil, written: ["metadata": ["name": "x", "namespace": "elsewhere"]])
        let listed = o.apply(to: [object(rv: "9", "stale")], namespace: "shop")
        #expect(listed.count == 2)
        #expect(listed.first?["marker"] == "ours")
        #expect(listed.last?[path: ["metadata", "name"]] == "api")
    }
}
