import Foundation
import JSON
import Testing
@testable import DevCluster

extension ClusterTests {
    /// The API over HTTPS, as clients other than kubectl (the operator) see it.
    @Suite("HTTP API")
    struct HTTPAPITests {
        @Test func healthVersionAndAuthentication() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            let h = try await c.request("GET", "/readyz", token: "")
            #expect(h.status == 200 && h.body == "ok")
            let v = try await c.request("GET", "/version")
            #expect(v.json?["gitVersion"] == "v1.33.0-devcluster")
            let denied = try await c.request("GET", "/api/v1/namespaces", token: "wrong")
            #expect(denied.status == 401)
            #expect(denied.json?["reason"] == "Unauthorized")
        }

        @Test func conflictAndNotFoundStatusBodies() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            let created = try await c.request("POST", "/api/v1/namespaces/default/configmaps",
                                              body: #"{"metadata":{"name":"a"},"data":{"k":"v"}}"#)
            #expect(created.status == 201)
            let rv = try #require(created.json?[path: ["metadata", "resourceVersion"]]?.stringValue)
            let update = #"{"metadata":{"name":"a","resourceVersion":"RV"},"data":{"k":"2"}}"#
            let ok = try await c.request("PUT", "/api/v1/namespaces/default/configmaps/a", body: update.replacingOccurrences(of: "RV", with: rv))
            #expect(ok.status == 200)
            let stale = try await c.request("PUT", "/api/v1/namespaces/default/configmaps/a", body: update.replacingOccurrences(of: "RV", with: rv))
            #expect(stale.status == 409)
            #expect(stale.json?["reason"] == "Conflict")
            #expect(stale.json?["details"] == ["name": "a", "kind": "configmaps"])
            let dup = try await c.request("POST", "/api/v1/namespaces/default/configmaps", body: #"{"metadata":{"name":"a"}}"#)
            #expect(dup.status == 409)
            #expect(dup.json?["reason"] == "AlreadyExists")
            let missing = try await c.request("GET", "/api/v1/namespaces/default/configmaps/zzz")
            #expect(missing.status == 404)
            #expect(missing.json?["message"] == "configmaps \"zzz\" not found")
            let deleted = try await c.request("DELETE", "/api/v1/namespaces/default/configmaps/a")
            #expect(deleted.json?["status"] == "Success")
            let unknownPath = try await c.request("GET", "/apis/nope.io/v1/things")
            #expect(unknownPath.status == 404)
        }

        @Test func paginationOverHTTP() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            for n in ["a", "b", "c"] {
                _ = try await c.request("POST", "/api/v1/namespaces/default/configmaps", body: #"{"metadata":{"name":"\#(n)"}}"#)
            }
            let p1 = try await c.request("GET", "/api/v1/namespaces/default/configmaps?limit=2")
            #expect(p1.json?["items"]?.arrayValue?.count == 2)
            #expect(p1.json?[path: ["metadata", "remainingItemCount"]] == 1)
            let token = try #require(p1.json?[path: ["metadata", "continue"]]?.stringValue)
            let p2 = try await c.request("GET", "/api/v1/namespaces/default/configmaps?limit=2&continue=\(token)")
            #expect(p2.json?["items"]?[0]?.metaName == "c")
            #expect(p2.json?[path: ["metadata", "continue"]] == nil)
        }

        @Test func watchTooOldGetsGoneInsideTheStream() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            _ = try await c.request("POST", "/api/v1/namespaces/default/configmaps", body: #"{"metadata":{"name":"a"}}"#)
            c.cluster.faults.expireHistory()
            let r = try await c.request("GET", "/api/v1/configmaps?watch=true&resourceVersion=1&timeoutSeconds=5")
            #expect(r.status == 200)
            let event = try JSONParser.parse(r.body.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(event["type"] == "ERROR")
            #expect(event[path: ["object", "code"]] == 410)
            #expect(event[path: ["object", "reason"]] == "Expired")
            #expect(event[path: ["object", "message"]]?.stringValue?.hasPrefix("too old resource version: 1 (") == true)
        }

        @Test func watchSendsBookmarksAndEndsAtTimeout() async throws {
            let c = try await TestCluster.start(DevClusterOptions(bookmarkInterval: .milliseconds(200)))
            defer { Task { await c.stop() } }
            let rv = c.cluster.resourceVersion
            let r = try await c.request("GET", "/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&timeoutSeconds=1&resourceVersion=\(rv)")
            let events = r.body.split(separator: "\n").compactMap { try? JSONParser.parse(String($0)) }
            #expect(events.contains { $0["type"] == "BOOKMARK" && $0[path: ["object", "metadata", "resourceVersion"]] == .string(String(rv)) })
            #expect(c.cluster.store.watchCount == 0, "the watch ended at timeoutSeconds")
        }

        @Test func tablesForKubectl() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            let r = try await c.request("GET", "/api/v1/namespaces", headers: ["Accept: application/json;as=Table;v=v1;g=meta.k8s.io"])
            #expect(r.json?["kind"] == "Table")
            #expect(r.json?["columnDefinitions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Name", "Status", "Age"])
            #expect(r.json?["rows"]?[0]?["cells"]?[1] == "Active")
        }

        @Test func strategicMergeOnBuiltinsAndUnsupportedOnCRs() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            _ = try await c.request("POST", "/api/v1/namespaces/default/services",
                                    body: #"{"metadata":{"name":"s"},"spec":{"ports":[{"port":80},{"port":443}]}}"#)
            let p = try await c.request("PATCH", "/api/v1/namespaces/default/services/s",
                                        body: #"{"spec":{"ports":[{"port":443,"name":"https"}]}}"#,
                                        contentType: "application/strategic-merge-patch+json")
            #expect(p.status == 200)
            #expect(p.json?[path: ["spec", "ports"]]?.arrayValue?.count == 2)
            #expect(p.json?[path: ["spec", "ports"]]?[1]?["name"] == "https")
            try await c.cluster.apply(manifests: Fixtures.widgetCRD + "\n---\n" + Fixtures.widget("w"))
            let cr = try await c.request("PATCH", "/apis/example.com/v1/namespaces/default/widgets/w", body: "{}",
                                         contentType: "application/strategic-merge-patch+json")
            #expect(cr.status == 415)
        }

        @Test func finalizersOverHTTP() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            _ = try await c.request("POST", "/api/v1/namespaces/default/configmaps",
                                    body: #"{"metadata":{"name":"f","finalizers":["example.com/keep"]}}"#)
            let del = try await c.request("DELETE", "/api/v1/namespaces/default/configmaps/f")
            #expect(del.status == 200)
            #expect(del.json?[path: ["metadata", "deletionTimestamp"]] != nil, "pending: the object comes back")
            #expect(try await c.request("GET", "/api/v1/namespaces/default/configmaps/f").status == 200)
            let done = try await c.request("PATCH", "/api/v1/namespaces/default/configmaps/f",
                                           body: #"{"metadata":{"finalizers":null}}"#, contentType: "application/merge-patch+json")
            #expect(done.status == 200)
            #expect(try await c.request("GET", "/api/v1/namespaces/default/configmaps/f").status == 404)
        }
    }
}
