import JSON
import Testing
@testable import DevCluster

/// List pagination and selectors, watch replay, 410 Gone and bookmarks, on the engine.
@Suite("Engine: list and watch")
struct EngineListWatchTests {
    /// Collects what a watch has queued, without waiting for more.
    private func drain(_ s: WatchSubscription, _ store: Store) async -> [WatchEvent] {
        store.cancelWatch(s.id)
        var out: [WatchEvent] = []
        for await e in s.events { out.append(e) }
        return out
    }

    @Test func paginationFollowsContinueTokensAtTheFirstPagesVersion() throws {
        let e = Engine()
        for n in ["a", "b", "c", "d", "e"] { try e.configMap(n) }
        var o = ListOptions()
        o.limit = 2
        let p1 = try e.store.list(e.configmaps, namespace: "default", o)
        #expect(p1.items.map(\.metaName) == ["a", "b"])
        #expect(p1.remainingItemCount == 3)
        let token = try #require(p1.continueToken)
        // Created after the first page: a consistent list does not show it.
        try e.configMap("bb")
        o.continueToken = token
        let p2 = try e.store.list(e.configmaps, namespace: "default", o)
        #expect(p2.items.map(\.metaName) == ["c", "d"])
        #expect(p2.resourceVersion == p1.resourceVersion)
        o.continueToken = p2.continueToken
        let p3 = try e.store.list(e.configmaps, namespace: "default", o)
        #expect(p3.items.map(\.metaName) == ["e"])
        #expect(p3.continueToken == nil)
    }

    @Test func expiredContinueTokenIsGone() throws {
        let e = Engine()
        for n in ["a", "b", "c"] { try e.configMap(n) }
        var o = ListOptions()
        o.limit = 1
        let p1 = try e.store.list(e.configmaps, namespace: "default", o)
        try e.configMap("z")
        e.store.expireHistory()
        o.continueToken = p1.continueToken
        do {
            _ = try e.store.list(e.configmaps, namespace: "default", o)
            Issue.record("expected 410")
        } catch {
            #expect(error.code == 410)
            #expect(error.reason == "Expired")
        }
    }

    @Test func selectorsFilterLists() throws {
        let e = Engine()
        try e.configMap("a", labels: ["app": "web", "tier": "1"])
        try e.configMap("b", labels: ["app": "db"])
        try e.configMap("c")
        func names(_ label: String, _ field: String = "") throws -> [String] {
            var o = ListOptions()
            o.labelSelector = try LabelSelector(parsing: label)
            o.fieldSelector = try FieldSelector(parsing: field, supported: e.configmaps.supportedFieldSelectors)
            return try e.store.list(e.configmaps, namespace: nil, o).items.map(\.metaName)
        }
        #expect(try names("app=web") == ["a"])
        #expect(try names("app==db") == ["b"])
        #expect(try names("app!=web") == ["b", "c"])
        #expect(try names("app in (web, db)") == ["a", "b"])
        #expect(try names("app notin (web)") == ["b", "c"])
        #expect(try names("app") == ["a", "b"])
        #expect(try names("!app") == ["c"])
        #expect(try names("tier>0") == ["a"])
        #expect(try names("", "metadata.name=b") == ["b"])
        #expect(try names("", "metadata.namespace!=default") == [])
    }

    // MARK: - Bad selectors

    @Test(arguments: ["app in web", "a b c", "=x", "app=(", "key with space=1"])
    func badLabelSelectorsAreRejected(_ text: String) {
        #expect(throws: APIError.self) { try LabelSelector(parsing: text) }
    }

    @Test(arguments: ["spec.nope=1", "metadata.name", "status.phase=Running"])
    func badFieldSelectorsAreRejected(_ text: String) {
        #expect(throws: APIError.self) { try FieldSelector(parsing: text, supported: ["metadata.name", "metadata.namespace"]) }
    }

    @Test func watchReplaysHistoryFromAResourceVersion() async throws {
        let e = Engine()
        let a = try e.configMap("a")
        try e.configMap("b")
        var o = WatchOptions()
        o.resourceVersion = a.metaResourceVersion
        let s = try e.store.watch(e.configmaps, namespace: "default", o)
        _ = try e.store.delete(e.configmaps, namespace: "default", name: "a")
        let events = await drain(s, e.store)
        #expect(events.map(\.type) == [.added, .deleted])
        #expect(events.map { $0.object.metaName } == ["b", "a"])
    }

    @Test func watchFromZeroStartsWithCurrentState() async throws {
        let e = Engine()
        try e.configMap("a")
        var o = WatchOptions()
        o.resourceVersion = "0"
        let s = try e.store.watch(e.configmaps, namespace: nil, o)
        try e.configMap("b")
        let events = await drain(s, e.store)
        #expect(events.map(\.type) == [.added, .added])
    }

    @Test func tooOldResourceVersionGetsExpiredErrorEvent() async throws {
        let e = Engine()
        let a = try e.configMap("a")
        try e.configMap("b")
        e.store.expireHistory()
        var o = WatchOptions()
        o.resourceVersion = a.metaResourceVersion
        let s = try e.store.watch(e.configmaps, namespace: nil, o)
        var events: [WatchEvent] = []
        for await ev in s.events { events.append(ev) }
        #expect(events.count == 1)
        let status = try #require(events.first?.object)
        #expect(events.first?.type == .error)
        #expect(status["code"] == 410)
        #expect(status["reason"] == "Expired")
        #expect(status["message"] == .string("too old resource version: \(a.metaResourceVersion) (\(e.store.resourceVersion))"))
    }

    @Test func boundedHistoryExpiresOldVersions() throws {
        let e = Engine()
        let first = try e.configMap("first")
        for i in 0..<120 { try e.configMap("c\(i)") }
        var o = WatchOptions()
        o.resourceVersion = first.metaResourceVersion
        let s = try e.store.watch(e.configmaps, namespace: nil, o)
        #expect(e.store.watchCount == 0, "an expired watch is not registered")
        _ = s
    }

    @Test func bookmarksCarryTheCurrentResourceVersion() async throws {
        let e = Engine()
        var o = WatchOptions()
        o.resourceVersion = String(e.store.resourceVersion)
        o.allowBookmarks = true
        let s = try e.store.watch(e.configmaps, namespace: nil, o)
        try e.configMap("a")
        e.store.emitBookmarks()
        let events = await drain(s, e.store)
        #expect(events.map(\.type) == [.added, .bookmark])
        #expect(events.last?.object == ["kind": "ConfigMap", "apiVersion": "v1",
                                        "metadata": ["resourceVersion": .string(String(e.store.resourceVersion))]])
    }

    @Test func labelChangesTurnIntoAddedAndDeleted() async throws {
        let e = Engine()
        let a = try e.configMap("a", labels: ["app": "web"])
        var o = WatchOptions()
        o.resourceVersion = a.metaResourceVersion
        o.labelSelector = try LabelSelector(parsing: "app=web")
        let s = try e.store.watch(e.configmaps, namespace: nil, o)
        _ = try e.store.patch(e.configmaps, namespace: "default", name: "a", type: .merge, ["metadata": ["labels": ["app": "db"]]])
        _ = try e.store.patch(e.configmaps, namespace: "default", name: "a", type: .merge, ["metadata": ["labels": ["app": "web"]]])
        let events = await drain(s, e.store)
        #expect(events.map(\.type) == [.deleted, .added])
    }

    @Test func slowWatcherIsClosedNotBlocking() async throws {
        let e = Engine()
        var o = WatchOptions()
        o.resourceVersion = String(e.store.resourceVersion)
        o.bufferLimit = 2
        let s = try e.store.watch(e.configmaps, namespace: nil, o)
        for i in 0..<5 { try e.configMap("c\(i)") }
        #expect(e.store.watchCount == 0)
        var n = 0
        for await _ in s.events { n += 1 }
        #expect(n == 2)
    }
}
