import Foundation
import JSON
import Testing
@testable import Kube

@Suite("Watch streams", .timeLimit(.minutes(1)))
struct WatchTests {
    let server: FakeAPIServer
    let client: KubeClient
    let cm = GroupVersionResource.configMaps

    init() throws {
        server = try FakeAPIServer.shared()
        client = try server.client()
    }

    /// The namespace selects the fake server's scenario.
    func collect(_ scenario: String, options: WatchOptions = .init()) async throws(KubeError) -> [WatchEvent] {
        var events: [WatchEvent] = []
        for try await e in client.watch(cm, namespace: scenario, options: options) { events.append(e) }
        return events
    }

    @Test func typedEventsFromOneChunk() async throws {
        let events = try await collect("basic")
        #expect(events.map(\.type) == [.added, .modified, .bookmark, .deleted])
        #expect(events.map(\.resourceVersion) == ["1", "2", "3", "4"])
        #expect(events[0].object[path: ["metadata", "name"]] == "a")
    }

    @Test func eventsSplitAcrossChunksAtOddOffsets() async throws {
        let events = try await collect("split")
        #expect(events.count == 20)
        #expect(events.map(\.resourceVersion) == (0..<20).map { String(10 + $0) })
        #expect(events.allSatisfy { $0.type == .added })
    }

    @Test func lastEventWithoutNewlineIsDelivered() async throws {
        let events = try await collect("no-final-newline")
        #expect(events.map(\.type) == [.added, .deleted])
    }

    @Test func watchQueryCarriesOptions() async throws {
        _ = try await collect("basic.options", options: WatchOptions(labelSelector: "app=x", resourceVersion: "42", timeoutSeconds: 300))
        let log = try await server.requests(containing: "/namespaces/basic.options/", via: client)
        let q = try #require(log.first?["query"])
        #expect(q["watch"] == "1")
        #expect(q["labelSelector"] == "app=x")
        #expect(q["resourceVersion"] == "42")
        #expect(q["allowWatchBookmarks"] == "true")
        #expect(q["timeoutSeconds"] == "300")
    }

    // MARK: Expiry

    @Test func errorEventWith410IsResourceVersionExpired() async throws {
        var seen: [WatchEvent] = []
        do {
            for try await e in client.watch(cm, namespace: "expired") { seen.append(e) }
            Issue.record("expected resourceVersionExpired")
        } catch {
            guard case .resourceVersionExpired(let message) = error else { Issue.record("got \(error)"); return }
            #expect(message.contains("too old resource version"))
        }
        #expect(seen.count == 1)
    }

    @Test func http410IsResourceVersionExpired() async throws {
        do {
            _ = try await collect("gone")
            Issue.record("expected resourceVersionExpired")
        } catch {
            guard case .resourceVersionExpired = error else { Issue.record("got \(error)"); return }
            #expect(error.statusCode == 410)
        }
    }

    @Test func otherErrorEventsAreTypedStatus() async throws {
        do {
            _ = try await collect("error-500")
            Issue.record("expected an error")
        } catch {
            #expect(error.statusCode == 500)
            #expect(error.apiStatus?.message == "etcd is unhappy")
        }
    }

    // MARK: Faults

    @Test func serverClosingMidStreamIsATransportError() async throws {
        var seen = 0
        do {
            for try await _ in client.watch(cm, namespace: "close-mid") { seen += 1 }
            Issue.record("expected an error for the truncated body")
        } catch {
            guard case .transport(let host, let reason) = error else { Issue.record("got \(error)"); return }
            #expect(host == "https://127.0.0.1:\(server.port)")
            #expect(!reason.isEmpty)
        }
        #expect(seen == 1, "the complete first event is delivered, the half second one is not")
    }

    @Test func cancellingTheConsumerEndsTheWatch() async throws {
        let client = self.client
        let cm = self.cm
        let task = Task { () throws(KubeError) -> Int in
            var n = 0
            for try await _ in client.watch(cm, namespace: "idle") { n += 1 }
            return n
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        guard case .failure(KubeError.cancelled) = result else {
            Issue.record("expected cancellation, got \(result)")
            return
        }
    }

    @Test func emptyNamespaceIsRejectedOnFirstNext() async throws {
        do {
            _ = try await collect("")
            Issue.record("expected an error")
        } catch {
            guard case .configuration(let m) = error else { Issue.record("got \(error)"); return }
            #expect(m.contains("namespace is empty"))
        }
    }

    // MARK: Volume

    @Test func hundredThousandEventsWithBoundedBuffer() async throws {
        var options = server.configuration()
        options.watchBufferBytes = 256 * 1024
        let client = try KubeClient(options)
        let stream = client.watch(cm, namespace: "many")
        var iterator = stream.makeAsyncIterator()
        var count = 0
        var lastRV = ""
        while let e = try await iterator.next() {
            count += 1
            if let rv = e.resourceVersion { lastRV = rv }
        }
        #expect(count == 100_000)
        #expect(lastRV == String(5000 + 99_999))
        let peak = iterator.connection.peakBufferedBytes
        // One chunk may exceed the mark when the buffer was empty; never more.
        #expect(peak <= 256 * 1024 + 128 * 1024, "peak buffered \(peak) bytes")
        // The frame splitter drops what it parsed: it holds about one chunk, not the ~22 MB stream.
        #expect(iterator.connection.peakLineBufferBytes < 1 << 20, "line buffer peaked at \(iterator.connection.peakLineBufferBytes)")
    }

    @Test func slowConsumerPausesTheTransfer() async throws {
        var options = server.configuration()
        options.watchBufferBytes = 64 * 1024
        let client = try KubeClient(options)
        var iterator = client.watch(cm, namespace: "many-30000").makeAsyncIterator()
        var count = 0
        while let _ = try await iterator.next() {
            count += 1
            // Let the producer run ahead: it must stop at the mark instead of buffering everything.
            if count % 6_000 == 1 { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(count == 30_000)
        #expect(iterator.connection.peakBufferedBytes <= 64 * 1024 + 128 * 1024)
    }
}
