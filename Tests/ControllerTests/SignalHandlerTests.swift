import Foundation
import Synchronization
import Testing
@testable import Controller

// Serialized: every handler reads the one process-wide signal pipe.
@Suite(.serialized) struct SignalHandlerTests {
    // SIGUSR2 stands in for SIGTERM: same Dispatch machinery, and a broken handler cannot
    // take the test runner down the way a real SIGTERM would.
    @Test func signalInvokesCallbackOnce() async throws {
        let got = Mutex<[Int32]>([])
        let handler = SignalHandler(signals: [SIGUSR2], exitOnSecond: false) { sig in got.withLock { $0.append(sig) } }
        defer { handler.cancel() }
        kill(getpid(), SIGUSR2)
        try await eventually(.seconds(5), "signal delivered") { got.withLock { $0 } == [SIGUSR2] }
        #expect(handler.signalsReceived == 1)
    }

    @Test func signalStopsAManagerGracefully() async throws {
        let t = try await TestCluster.start()
        defer { Task { await t.stop() } }
        var o = ManagerOptions()
        o.namespace = t.namespace
        o.metricsBindAddress = nil
        o.healthProbeBindAddress = nil
        let m = try Manager(options: o, clientConfiguration: try t.configuration(), logger: .disabled,
                            informerConfiguration: fastInformer)
        _ = try m.informers.informer(for: .configMaps)
        let handler = m.installSignalHandlers([SIGUSR2])
        defer { handler.cancel() }
        let run = Task { try await m.run() }
        try await eventually { m.informers.unsynced.isEmpty }
        kill(getpid(), SIGUSR2)
        try await withTimeout(.seconds(15), "manager stops on the signal") { try await run.value }
        #expect(handler.signalsReceived == 1)
    }
}

@Suite struct SmallHelpersTests {
    @Test func withTimeoutDoesNotWaitForABodyThatIgnoresCancellation() async throws {
        let stuck = Task { try? await Task.sleep(for: .seconds(3600)) }
        defer { stuck.cancel() }
        await #expect(throws: TimedOut.self) { try await withTimeout(.milliseconds(50)) { await stuck.value } }
    }

    @Test func microTimeHasSixDigits() {
        #expect(Timestamp.micro(Date(timeIntervalSince1970: 1_700_000_000.25)) == "2023-11-14T22:13:20.250000Z")
    }

    @Test func restClientMetricsCountByVerbResourceAndCode() throws {
        let r = MetricsRegistry()
        let m = try KubeClientMetrics(registry: r)
        m.observe(verb: "list", resource: "pods", code: 200, latency: .milliseconds(20))
        m.observe(verb: "update", resource: "leases", code: nil, latency: .seconds(1))
        let text = r.exposition()
        #expect(text.contains("rest_client_requests_total{verb=\"list\",resource=\"pods\",code=\"200\"} 1"))
        #expect(text.contains("rest_client_requests_total{verb=\"update\",resource=\"leases\",code=\"<error>\"} 1"))
        #expect(text.contains("rest_client_request_duration_seconds_count{verb=\"list\"} 1"))
    }

    @Test func longNotesAreCutToOneKilobyte() {
        let note = String(repeating: "é", count: 2000)
        let cut = EventRecorder.truncatedNote(note)
        #expect(cut.utf8.count <= 1024)
        #expect(cut.hasSuffix("..."))
        #expect(EventRecorder.truncatedNote("short") == "short")
    }

    @Test func controllerOwnerIsFoundByKind() {
        var obj = pod("ns", "child")
        obj[path: ["metadata", "ownerReferences"]] = [
            ["kind": "Other", "name": "x", "uid": "1", "controller": true],
            ["kind": "ContainerNetworkPolicy", "name": "p", "uid": "2", "controller": true],
        ]
        #expect(Controller.controllerOwner(of: obj, kind: "ContainerNetworkPolicy") == ObjectKey(namespace: "ns", name: "p"))
        #expect(Controller.controllerOwner(of: obj, kind: "Missing") == nil)
        #expect(Controller.controllerOwner(of: pod("ns", "c"), kind: "Other") == nil)
    }
}
