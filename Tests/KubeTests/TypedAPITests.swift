import Foundation
import JSON
import Testing
@testable import Kube

@Suite("Typed API for modelled kinds", .timeLimit(.minutes(1)))
struct TypedAPITests {
    @Test func leaseCreateGetUpdateList() async throws {
        let server = try FakeAPIServer.shared()
        let client = try server.client()
        var lease = Lease(metadata: ObjectMeta(name: "leader", namespace: "typed-ops"), spec: .init(holderIdentity: "a", leaseDurationSeconds: 15))
        lease = try await client.create(lease)
        #expect(lease.metadata.resourceVersion != nil)
        var got = try await client.get(Lease.self, namespace: "typed-ops", name: "leader")
        #expect(got.spec?.holderIdentity == "a")
        got.spec?.holderIdentity = "b"
        let updated = try await client.update(got)
        #expect(updated.spec?.holderIdentity == "b")
        // The stale copy conflicts.
        do {
            _ = try await client.update(lease)
            Issue.record("expected a conflict")
        } catch { #expect(error.isConflict) }
        let all = try await client.list(Lease.self, namespace: "typed-ops")
        #expect(all.map(\.metadata.name) == ["leader"])
        let log = try await server.requests(containing: "/namespaces/typed-ops/", via: client)
        #expect(log.contains { $0["path"] == "/apis/coordination.k8s.io/v1/namespaces/typed-ops/leases/leader" && $0["method"] == "PUT" })
    }
}
