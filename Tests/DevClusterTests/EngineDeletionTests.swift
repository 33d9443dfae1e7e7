import JSON
import Testing
@testable import DevCluster

/// Finalizers, ownerReference garbage collection and namespace termination.
@Suite("Engine: deletion, finalizers and garbage collection")
struct EngineDeletionTests {
    @Test func finalizersHoldDeletionUntilRemoved() throws {
        let e = Engine()
        try e.configMap("a", extraMeta: [("finalizers", ["example.com/cleanup"])])
        guard case .pending(let obj) = try e.store.delete(e.configmaps, namespace: "default", name: "a") else {
            Issue.record("expected pending deletion")
            return
        }
        #expect(obj.metaDeletionTimestamp != nil)
        // No new finalizers once deleting.
        var more = obj
        more.setMeta("finalizers", ["example.com/cleanup", "other"])
        #expect(throws: APIError.self) { try e.store.update(e.configmaps, namespace: "default", name: "a", more) }
        _ = try e.store.patch(e.configmaps, namespace: "default", name: "a", type: .merge, ["metadata": ["finalizers": .null]])
        #expect(throws: APIError.notFound(resource: GroupResource(group: "", resource: "configmaps"), name: "a")) {
            try e.store.get(e.configmaps, namespace: "default", name: "a")
        }
    }

    private func owned(_ e: Engine) throws -> (owner: JSONValue, dep: String) {
        let owner = try e.configMap("owner")
        try e.configMap("dep", extraMeta: [("ownerReferences", [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner",
                                                                  "uid": .string(owner.metaUID)]])])
        return (owner, "dep")
    }

    @Test func backgroundDeletionCollectsDependents() throws {
        let e = Engine()
        _ = try owned(e)
        _ = try e.store.delete(e.configmaps, namespace: "default", name: "owner")
        #expect(throws: APIError.self) { try e.store.get(e.configmaps, namespace: "default", name: "dep") }
    }

    @Test func orphanDeletionKeepsDependentsWithoutTheReference() throws {
        let e = Engine()
        _ = try owned(e)
        _ = try e.store.delete(e.configmaps, namespace: "default", name: "owner", DeleteOptions(propagation: .orphan))
        let dep = try e.store.get(e.configmaps, namespace: "default", name: "dep")
        #expect(dep[path: ["metadata", "ownerReferences"]] == nil)
    }

    @Test func foregroundDeletionWaitsForBlockedDependents() throws {
        let e = Engine()
        let owner = try e.configMap("owner")
        try e.configMap("dep", extraMeta: [
            ("ownerReferences", [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": .string(owner.metaUID)]]),
            ("finalizers", ["example.com/hold"]),
        ])
        let r = try e.store.delete(e.configmaps, namespace: "default", name: "owner", DeleteOptions(propagation: .foreground))
        guard case .pending(let o) = r else { Issue.record("owner should wait"); return }
        #expect(o.metaFinalizers == ["foregroundDeletion"])
        _ = try e.store.patch(e.configmaps, namespace: "default", name: "dep", type: .merge, ["metadata": ["finalizers": .null]])
        #expect(throws: APIError.self) { try e.store.get(e.configmaps, namespace: "default", name: "owner") }
    }

    @Test func deletingANamespaceDeletesItsContents() throws {
        let e = Engine()
        _ = try e.store.create(e.namespaces, namespace: nil, ["metadata": ["name": "team"]])
        try e.configMap("a", ns: "team")
        try e.configMap("held", ns: "team", extraMeta: [("finalizers", ["example.com/hold"])])
        _ = try e.store.delete(e.namespaces, namespace: nil, name: "team")
        #expect(throws: APIError.self) { try e.store.get(e.configmaps, namespace: "team", name: "a") }
        let ns = try e.store.get(e.namespaces, namespace: nil, name: "team")
        #expect(ns[path: ["status", "phase"]] == "Terminating")
        do {
            try e.configMap("new", ns: "team")
            Issue.record("expected Forbidden")
        } catch {
            #expect(error.code == 403)
            #expect(error.message == "configmaps \"new\" is forbidden: unable to create new content in namespace team because it is being terminated")
        }
        _ = try e.store.patch(e.configmaps, namespace: "team", name: "held", type: .merge, ["metadata": ["finalizers": .null]])
        #expect(throws: APIError.self) { try e.store.get(e.namespaces, namespace: nil, name: "team") }
    }

    @Test func preconditionMismatchIsConflict() throws {
        let e = Engine()
        try e.configMap("a")
        #expect(throws: APIError.self) {
            try e.store.delete(e.configmaps, namespace: "default", name: "a", DeleteOptions(preconditionResourceVersion: "1"))
        }
    }

    @Test(arguments: ["default", "kube-system", "kube-public"])
    func systemNamespacesMayNotBeDeleted(_ name: String) {
        let e = Engine()
        do {
            _ = try e.store.delete(e.namespaces, namespace: nil, name: name)
            Issue.record("expected Forbidden")
        } catch {
            #expect(error.code == 403)
            #expect(error.message == "namespaces \"\(name)\" is forbidden: this namespace may not be deleted")
        }
    }
}
