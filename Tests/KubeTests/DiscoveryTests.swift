import Foundation
import JSON
import Testing
@testable import Kube

@Suite("Discovery: kinds to resources", .timeLimit(.minutes(1)))
struct DiscoveryTests {
    let server: FakeAPIServer
    let client: KubeClient

    init() throws {
        server = try FakeAPIServer()
        client = try server.client()
    }

    func discoveryRequests() async throws -> Int {
        let log = try await client.getRaw("/debug/requests")["requests"]?.arrayValue ?? []
        return log.filter { $0["path"]?.stringValue?.hasPrefix("/api") == true && $0["path"]?.stringValue?.split(separator: "/").count ?? 0 <= 3 }.count
    }

    @Test func coreAndGroupKinds() async throws {
        let cm = try await client.resource(forKind: "ConfigMap", apiVersion: "v1")
        #expect(cm.gvr == .configMaps)
        #expect(cm.namespaced)
        #expect(cm.shortNames == ["cm"])
        #expect(cm.verbs.contains("watch"))
        let ns = try await client.resource(forKind: "Namespace", apiVersion: "v1")
        #expect(!ns.namespaced)
        #expect(ns.subresources == ["status"])
        let w = try await client.resource(forKind: "Widget", apiVersion: "example.com/v1")
        #expect(w.gvr == GroupVersionResource(group: "example.com", version: "v1", resource: "widgets"))
        #expect(w.subresources == ["status"])
        #expect(w.categories == ["all"])
    }

    @Test func cachedAfterFirstLookup() async throws {
        _ = try await client.resource(forKind: "ConfigMap", apiVersion: "v1")
        _ = try await client.resource(forKind: "Namespace", apiVersion: "v1")
        _ = try await client.resource(forKind: "ConfigMap", apiVersion: "v1")
        #expect(try await discoveryRequests() == 1)
    }

    @Test func missRefreshesThenFails() async throws {
        _ = try await client.resource(forKind: "ConfigMap", apiVersion: "v1")
        do {
            _ = try await client.resource(forKind: "Gadget", apiVersion: "v1")
            Issue.record("expected unknownKind")
        } catch {
            #expect(error == .unknownKind(kind: "Gadget", apiVersion: "v1"))
            #expect(error.description.contains("is the CRD installed?"))
        }
        // The miss went back to the server once.
        #expect(try await discoveryRequests() == 2)
    }

    @Test func unknownGroupVersion() async throws {
        await #expect(throws: KubeError.unknownKind(kind: "Policy", apiVersion: "nowhere.io/v9")) {
            try await client.resource(forKind: "Policy", apiVersion: "nowhere.io/v9")
        }
    }

    @Test(arguments: ["", "/v1", "a/b/c", "group/"])
    func malformedAPIVersion(apiVersion: String) async throws {
        do {
            _ = try await client.resource(forKind: "X", apiVersion: apiVersion)
            Issue.record("expected an error")
        } catch {
            guard case .configuration(let m) = error else { Issue.record("got \(error)"); return }
            #expect(m.contains("is not VERSION or GROUP/VERSION"))
        }
    }
}
