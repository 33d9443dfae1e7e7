import JSON
import Testing
@testable import Controller

func pod(_ ns: String?, _ name: String, labels: [String: String] = [:], owner: String? = nil, rv: String = "1") -> JSONValue {
    var meta: JSONValue = ["name": .string(name), "resourceVersion": .string(rv)]
    if let ns { meta["namespace"] = .string(ns) }
    if !labels.isEmpty {
        var l = JSONObject()
        for (k, v) in labels.sorted(by: { $0.key < $1.key }) { l[k] = .string(v) }
        meta["labels"] = .object(l)
    }
    if let owner { meta["ownerReferences"] = [["uid": .string(owner), "kind": "X", "name": "o"]] }
    return ["apiVersion": "v1", "kind": "Pod", "metadata": meta]
}

@Suite struct IndexerTests {
    @Test func upsertGetDelete() {
        let c = Indexer()
        #expect(c.upsert(pod("ns", "a")) == nil)
        #expect(c.upsert(pod("ns", "a", rv: "2")) == pod("ns", "a"))
        #expect(c.get(namespace: "ns", name: "a") == pod("ns", "a", rv: "2"))
        #expect(c.count == 1)
        #expect(c.delete(ObjectKey(namespace: "ns", name: "a")) != nil)
        #expect(c.delete(ObjectKey(namespace: "ns", name: "a")) == nil)
        #expect(c.count == 0)
    }

    @Test func objectsWithoutNameAreIgnored() {
        let c = Indexer()
        c.upsert(["metadata": ["namespace": "ns"]])
        #expect(c.count == 0)
    }

    @Test func builtInIndexesFollowUpdates() {
        let c = Indexer()
        c.upsert(pod("ns1", "a", labels: ["app": "web", "tier": "fe"], owner: "u1"))
        c.upsert(pod("ns1", "b", labels: ["app": "db"], owner: "u1"))
        c.upsert(pod("ns2", "c", labels: ["app": "web"]))
        c.upsert(pod(nil, "node1"))
        #expect(c.byIndex(.namespace, "ns1").count == 2)
        #expect(c.byIndex(.namespace, "").count == 1)
        #expect(c.byIndex(.label, "app=web").count == 2)
        #expect(c.byIndex(.owner, "u1").count == 2)
        #expect(c.list(namespace: "ns1", labels: ["app": "web"]).count == 1)
        #expect(c.list(namespace: nil, labels: ["app": "web"]).count == 2)
        #expect(c.list(namespace: nil).count == 4)
        // Relabelling moves the object between index values.
        c.upsert(pod("ns1", "a", labels: ["app": "db"]))
        #expect(c.byIndex(.label, "app=web").count == 1)
        #expect(c.byIndex(.label, "app=db").count == 2)
        #expect(c.byIndex(.owner, "u1").count == 1)
        c.delete(ObjectKey(namespace: "ns1", name: "b"))
        #expect(c.byIndex(.label, "app=db").count == 1)
        #expect(!c.indexValues(.label).contains("tier=fe"))
        #expect(c.byIndex("no-such-index", "x").isEmpty)
    }

    @Test func customIndexAddedLaterCoversExistingObjects() {
        let c = Indexer()
        c.upsert(pod("ns", "a", labels: ["team": "red"]))
        c.addIndex("team") { [$0[path: ["metadata", "labels", "team"]]?.stringValue ?? "none"] }
        c.upsert(pod("ns", "b"))
        #expect(c.byIndex("team", "red").count == 1)
        #expect(c.byIndex("team", "none").count == 1)
    }

    @Test func replaceReportsAddsUpdatesAndMissedDeletes() throws {
        let c = Indexer()
        c.upsert(pod("ns", "keep"))
        c.upsert(pod("ns", "change"))
        c.upsert(pod("ns", "gone", labels: ["app": "x"]))
        let r = c.replace(with: [pod("ns", "keep"), pod("ns", "change", rv: "9"), pod("ns", "new")])
        #expect(r.added.compactMap { ObjectKey(object: $0)?.name } == ["new"])
        #expect(r.updated.compactMap { ObjectKey(object: $0.new)?.name } == ["change"])
        #expect(r.deleted.compactMap { ObjectKey(object: $0)?.name } == ["gone"])
        #expect(c.count == 3)
        #expect(c.byIndex(.label, "app=x").isEmpty)
    }

    @Test func concurrentWritersAndReadersStayConsistent() async {
        let c = Indexer()
        await withTaskGroup(of: Void.self) { g in
            for w in 0..<4 {
                g.addTask {
                    for i in 0..<500 { c.upsert(pod("ns\(w)", "p\(i)", labels: ["w": String(w)])) }
                }
            }
            g.addTask { for _ in 0..<200 { _ = c.list(namespace: "ns0") } }
        }
        #expect(c.count == 2000)
        #expect(c.byIndex(.label, "w=3").count == 500)
    }
}
