import Foundation
import Kube
import Testing
@testable import Controller

/// Waiting for a sync that never comes must end on timeout or cancellation.
@Suite struct InformerSyncWaitTests {
    func neverStartedInformer() throws -> Informer {
        // Never run, so never synced; the client connects to nothing until used.
        let url = try #require(URL(string: "https://127.0.0.1:9"))
        return try Informer(client: try KubeClient(ClientConfiguration(server: url)), resource: .configMaps, namespace: "x")
    }

    @Test func waitForSyncTimesOut() async throws {
        let inf = try neverStartedInformer()
        let synced = try await withTimeout(.seconds(10)) { await inf.waitForSync(timeout: .milliseconds(50)) }
        #expect(!synced)
        #expect(!inf.hasSynced)
    }

    @Test func waitForSyncEndsWhenCancelled() async throws {
        let inf = try neverStartedInformer()
        let waiting = Task { await inf.waitForSync(timeout: .seconds(3600)) }
        try await Task.sleep(for: .milliseconds(30))
        waiting.cancel()
        #expect(try await withTimeout(.seconds(10)) { await waiting.value } == false)
    }

    @Test func manyConcurrentWaitersAllTimeOut() async throws {
        let inf = try neverStartedInformer()
        let results = try await withTimeout(.seconds(10)) {
            await withTaskGroup(of: Bool.self) { g in
                for _ in 0..<50 { g.addTask { await inf.waitForSync(timeout: .milliseconds(20)) } }
                var all: [Bool] = []
                for await r in g { all.append(r) }
                return all
            }
        }
        #expect(results.count == 50 && results.allSatisfy { !$0 })
    }
}
