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
        server = try FakeAPIServer()
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

    @Test func watchQueryCarriesOptions() async throws {
        _ = try await collect("basic", options: WatchOptions(labelSelector: "app=x", resourceVersion: "42", timeoutSeconds: 300))
        let log = try await client.getRaw("/debug/requests")["requests"]?.arrayValue ?? []
        let q = try #require(log.first { $0["path"] == "/api/v1/namespaces/basic/configmaps" }?["query"])
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

    // MARK: Volume

    @Test func hundredThousandEventsWithBoundedBuffer() async throws {
        var options = server.configuration()
        options.watchBufferBytes = 256 * 1024
        let client = try KubeClient(options)
        let stream = client.watch(cm, namespace: "many")
        var iterator = stream.makeAsyncIterator()
        var count = 0
        var lastRV = ""
        let rssBefore = residentMemoryBytes()
        var rssAfterWarmup = 0
        while let e = try await iterator.next() {
            count += 1
            if count == 10_000 { rssAfterWarmup = residentMemoryBytes() }
            if let rv = e.resourceVersion { lastRV = rv }
        }
        let rssAfter = residentMemoryBytes()
        #expect(count == 100_000)
        #expect(lastRV == String(5000 + 99_999))
        let peak = iterator.connection.peakBufferedBytes
        // One chunk may exceed the mark when the buffer was empty; never more.
        #expect(peak <= 256 * 1024 + 128 * 1024, "peak buffered \(peak) bytes")
        // ~30 MB streamed: memory must not grow with the stream once warm.
        if rssBefore > 0 {
            #expect(rssAfter - rssAfterWarmup < 24 << 20, "RSS grew from \(rssAfterWarmup) to \(rssAfter)")
        }
    }

    @Test func slowConsumerPausesTheTransfer() async throws {
        var options = server.configuration()
        options.watchBufferBytes = 64 * 1024
        let client = try KubeClient(options)
        var iterator = client.watch(cm, namespace: "many").makeAsyncIterator()
        var count = 0
        while let _ = try await iterator.next() {
            count += 1
            // Let the producer run ahead: it must stop at the mark instead of buffering everything.
            if count % 20_000 == 1 { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(count == 100_000)
        #expect(iterator.connection.peakBufferedBytes <= 64 * 1024 + 128 * 1024)
    }
}

/// VmRSS from /proc/self/status, 0 when unavailable.
func residentMemoryBytes() -> Int {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let kb = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return kb * 1024
    }
    return 0
}
