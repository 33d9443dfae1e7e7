import Foundation
import JSON
import Testing
@testable import Kube

@Suite("CRUD against the fake API server", .timeLimit(.minutes(1)))
struct CRUDTests {
    let server: FakeAPIServer
    let client: KubeClient
    let cm = GroupVersionResource.configMaps
    /// Each test works in its own namespace of the shared server.
    let ns = "t-" + UUID().uuidString.prefix(8).lowercased()

    init() throws {
        server = try FakeAPIServer.shared()
        client = try server.client()
    }

    func configMap(_ name: String, labels: [String: String] = [:]) -> JSONValue {
        var meta: JSONValue = ["name": .string(name)]
        if !labels.isEmpty { meta["labels"] = .object(JSONObject(labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })) }
        return ["apiVersion": "v1", "kind": "ConfigMap", "metadata": meta, "data": ["a": "1"]]
    }

    @Test func createGetUpdateDelete() async throws {
        let created = try await client.create(cm, namespace: ns, configMap("one"))
        #expect(created[path: ["metadata", "namespace"]] == .string(ns))
        let rv = try #require(created[path: ["metadata", "resourceVersion"]]?.stringValue)

        let got = try await client.get(cm, namespace: ns, name: "one")
        #expect(got["data"] == ["a": "1"])

        var changed = got
        changed["data"] = ["a": "2"]
        let updated = try await client.update(cm, namespace: ns, changed)
        #expect(updated["data"] == ["a": "2"])
        #expect(updated[path: ["metadata", "resourceVersion"]]?.stringValue != rv)

        let deleted = try await client.delete(cm, namespace: ns, name: "one")
        #expect(deleted == JSONValue?.none)
        await #expect(throws: KubeError.self) { try await client.get(cm, namespace: ns, name: "one") }
    }

    @Test func notFoundIsTypedFromStatus() async throws {
        do {
            _ = try await client.get(cm, namespace: ns, name: "missing")
            Issue.record("expected an error")
        } catch {
            #expect(error.isNotFound)
            #expect(error.apiStatus?.reason == "NotFound")
            #expect(error.apiStatus?.details?.name == "missing")
            #expect(error.description.contains("\"missing\" not found"))
        }
    }

    @Test func createTwiceIsAlreadyExists() async throws {
        _ = try await client.create(cm, namespace: ns, configMap("dup"))
        do {
            _ = try await client.create(cm, namespace: ns, configMap("dup"))
            Issue.record("expected an error")
        } catch {
            #expect(error.isAlreadyExists)
            #expect(!error.isConflict)
            #expect(error.statusCode == 409)
        }
    }

    @Test func staleUpdateIsConflict() async throws {
        let created = try await client.create(cm, namespace: ns, configMap("c"))
        var first = created
        first["data"] = ["a": "first"]
        _ = try await client.update(cm, namespace: ns, first)
        var stale = created
        stale["data"] = ["a": "stale"]
        await #expect(throws: KubeError.self) { try await client.update(cm, namespace: ns, stale) }
        do { _ = try await client.update(cm, namespace: ns, stale) } catch { #expect(error.isConflict) }
    }

    @Test func invalidCarriesFieldCauses() async throws {
        do {
            _ = try await client.create(cm, namespace: ns, configMap("Upper"))
            Issue.record("expected an error")
        } catch {
            #expect(error.isInvalid)
            let causes = error.apiStatus?.details?.causes ?? []
            #expect(causes.first?.field == "metadata.name")
            #expect(error.description.contains("metadata.name"))
        }
    }

    @Test func nonStatusErrorBodyBecomesStatus() async throws {
        do {
            _ = try await client.getRaw("/fault/plain-error")
            Issue.record("expected an error")
        } catch {
            #expect(error.statusCode == 502)
            #expect(error.apiStatus?.message == "upstream connect error")
        }
    }

    // MARK: Patches

    @Test func mergePatch() async throws {
        _ = try await client.create(cm, namespace: ns, configMap("m"))
        let patched = try await client.patch(cm, namespace: ns, name: "m", .merge(["data": ["b": "2", "a": .null]]))
        #expect(patched["data"] == ["b": "2"])
    }

    @Test func jsonPatch() async throws {
        _ = try await client.create(cm, namespace: ns, configMap("j"))
        let ops: [JSONValue] = [
            ["op": "test", "path": "/data/a", "value": "1"],
            ["op": "replace", "path": "/data/a", "value": "10"],
            ["op": "add", "path": "/data/c~1d", "value": "slash"],
        ]
        let patched = try await client.patch(cm, namespace: ns, name: "j", .json(ops))
        #expect(patched["data"] == ["a": "10", "c/d": "slash"])
        // A failing test op is rejected by the server as Invalid.
        do {
            _ = try await client.patch(cm, namespace: ns, name: "j", .json([["op": "test", "path": "/data/a", "value": "nope"]]))
            Issue.record("expected an error")
        } catch { #expect(error.isInvalid) }
    }

    @Test func strategicMergePatch() async throws {
        _ = try await client.create(cm, namespace: ns, configMap("s"))
        let patched = try await client.patch(cm, namespace: ns, name: "s", .strategicMerge(["data": ["z": "26"]]))
        #expect(patched["data"] == ["a": "1", "z": "26"])
        let log = try await requests()
        #expect(log.contains { $0["contentType"] == "application/strategic-merge-patch+json" })
    }

    @Test func serverSideApplySendsFieldManagerAndForce() async throws {
        let applied = try await client.patch(cm, namespace: ns, name: "ssa",
                                             .apply(configMap("ssa"), fieldManager: "threat-monitor", force: true))
        #expect(applied["data"] == ["a": "1"])
        let managed = applied[path: ["metadata", "managedFields"]]?[0]
        #expect(managed?["manager"] == "threat-monitor")
        #expect(managed?["force"] == true)
        let log = try await requests()
        let call = try #require(log.last { $0["method"] == "PATCH" })
        #expect(call["contentType"] == "application/apply-patch+yaml")
    }

    @Test func statusSubresource() async throws {
        let w = GroupVersionResource(group: "example.com", version: "v1", resource: "widgets")
        var obj: JSONValue = ["apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w1"], "spec": ["size": 1]]
        obj = try await client.create(w, namespace: ns, obj)
        obj["status"] = ["phase": "Ready"]
        obj["spec"] = ["size": 99]
        let updated = try await client.updateStatus(w, namespace: ns, obj)
        #expect(updated["status"] == ["phase": "Ready"])
        #expect(updated["spec"] == ["size": 1], "a status update must not change spec")
        let patched = try await client.patchStatus(w, namespace: ns, name: "w1", .merge(["status": ["phase": "Done"]]))
        #expect(patched["status"] == ["phase": "Done"])
        let got = try await client.getStatus(w, namespace: ns, name: "w1")
        #expect(got["status"] == ["phase": "Done"])
        let log = try await requests()
        #expect(log.contains { $0["path"] == .string("/apis/example.com/v1/namespaces/\(ns)/widgets/w1/status") && $0["method"] == "PUT" })
    }

    // MARK: Options

    @Test func dryRunAndFieldValidation() async throws {
        let created = try await client.create(cm, namespace: ns, configMap("dry"), options: WriteOptions(dryRun: true))
        #expect(created[path: ["metadata", "name"]] == "dry")
        await #expect(throws: KubeError.self) { try await client.get(cm, namespace: ns, name: "dry") }
        var bogus = configMap("strict")
        bogus["bogus"] = true
        do {
            _ = try await client.create(cm, namespace: ns, bogus, options: WriteOptions(fieldValidation: .strict))
            Issue.record("expected an error")
        } catch {
            #expect(error.statusCode == 400)
            #expect(error.description.contains("unknown field \"bogus\""))
        }
        let log = try await requests()
        #expect(log.contains { $0["rawQuery"] == "dryRun=All" })
        #expect(log.contains { $0["rawQuery"] == "fieldValidation=Strict" })
    }

    @Test func deletePreconditionsAndPropagation() async throws {
        let created = try await client.create(cm, namespace: ns, configMap("d"))
        do {
            try await client.delete(cm, namespace: ns, name: "d", options: DeleteOptions(preconditionUID: "other-uid"))
            Issue.record("expected an error")
        } catch { #expect(error.isConflict) }
        do {
            try await client.delete(cm, namespace: ns, name: "d", options: DeleteOptions(preconditionResourceVersion: "1"))
            Issue.record("expected an error")
        } catch { #expect(error.isConflict) }
        let uid = try #require(created[path: ["metadata", "uid"]]?.stringValue)
        let remaining = try await client.delete(cm, namespace: ns, name: "d",
                                                options: DeleteOptions(propagationPolicy: .foreground, preconditionUID: uid, gracePeriodSeconds: 0))
        #expect(remaining?[path: ["metadata", "finalizers"]] == ["foregroundDeletion"])
        let log = try await requests()
        let body = try #require(log.last { $0["method"] == "DELETE" }?["body"]?.stringValue)
        let sent = try JSONParser.parse(body)
        #expect(sent["propagationPolicy"] == "Foreground")
        #expect(sent["gracePeriodSeconds"] == 0)
        #expect(sent[path: ["preconditions", "uid"]] == .string(uid))
    }

    @Test func deleteCollectionBySelector() async throws {
        _ = try await client.create(cm, namespace: ns, configMap("x1", labels: ["app": "x"]))
        _ = try await client.create(cm, namespace: ns, configMap("y1", labels: ["app": "y"]))
        try await client.deleteCollection(cm, namespace: ns, labelSelector: "app=x")
        let left = try await client.list(cm, namespace: ns)
        #expect(left.items.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["y1"])
    }

    // MARK: Lists

    @Test func listWithSelectorsAndPagination() async throws {
        for i in 0..<7 {
            _ = try await client.create(cm, namespace: ns, configMap("cm-\(i)", labels: ["tier": i % 2 == 0 ? "even" : "odd"]))
        }
        let first = try await client.list(cm, namespace: ns, options: ListOptions(limit: 3))
        #expect(first.items.count == 3)
        // The token holds "+", "/" and "=": it must survive query encoding.
        #expect(first.continueToken == "c+/=3")
        #expect(first.remainingItemCount == 4)
        let all = try await client.listAll(cm, namespace: ns, options: ListOptions(limit: 3))
        #expect(all.items.count == 7)
        #expect(all.continueToken == nil)
        let even = try await client.listAll(cm, namespace: ns, options: ListOptions(labelSelector: "tier=even", limit: 2))
        #expect(even.items.count == 4)
        let one = try await client.list(cm, namespace: ns, options: ListOptions(fieldSelector: "metadata.name=cm-5"))
        #expect(one.items.count == 1)
    }

    @Test func expiredContinueTokenIsResourceVersionExpired() async throws {
        do {
            _ = try await client.list(cm, namespace: ns, options: ListOptions(limit: 1, continueToken: "stale"))
            Issue.record("expected an error")
        } catch {
            guard case .resourceVersionExpired = error else { Issue.record("got \(error)"); return }
        }
    }

    @Test func tenMegabyteObjectRoundTrips() async throws {
        let big = String(repeating: "0123456789abcdef", count: 10 * 1024 * 1024 / 16)
        var obj = configMap("big")
        obj["data"] = ["blob": .string(big)]
        _ = try await client.create(cm, namespace: ns, obj)
        let got = try await client.get(cm, namespace: ns, name: "big")
        #expect(got[path: ["data", "blob"]]?.stringValue?.utf8.count == big.utf8.count)
        #expect(got[path: ["data", "blob"]] == .string(big))
    }

    func requests() async throws -> [JSONValue] {
        try await server.requests(containing: "/namespaces/\(ns)/", via: client)
    }
}
