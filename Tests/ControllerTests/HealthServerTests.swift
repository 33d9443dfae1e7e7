import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPServer
import Synchronization
import Testing
@testable import Controller

@Suite struct HealthServerTests {
    func get(_ handler: HTTPHandler, _ path: String, query: [(name: String, value: String)] = []) async -> (Int, String) {
        let r = await handler(HTTPRequest(method: "GET", path: path, query: query))
        guard case .data(let d) = r.body else { return (r.status, "") }
        return (r.status, String(decoding: d, as: UTF8.self))
    }

    @Test func readyzFollowsRegisteredChecks() async {
        let checks = HealthChecks()
        let synced = Mutex(false)
        checks.addReadyCheck("informers") { synced.withLock { $0 } ? .ok : .failing("caches not synced: pods") }
        checks.addHealthCheck("ping") { .ok }
        let h = ProbeRoutes.handler(checks: checks, metrics: nil)
        #expect(await get(h, "/healthz") == (200, "ok"))
        let (status, body) = await get(h, "/readyz")
        #expect(status == 500)
        #expect(body.contains("[-]informers failed: caches not synced: pods"))
        synced.withLock { $0 = true }
        #expect(await get(h, "/readyz") == (200, "ok"))
        #expect(await get(h, "/readyz", query: [("verbose", "")]).1.contains("[+]informers ok"))
        // Probes without metrics do not serve /metrics.
        #expect(await get(h, "/metrics").0 == 404)
    }

    @Test func metricsAndUnknownPathsAndMethods() async throws {
        let r = MetricsRegistry()
        try r.counter("hits_total", help: "Hits.").labels().inc()
        let h = ProbeRoutes.handler(checks: nil, metrics: r)
        let m = await h(HTTPRequest(method: "GET", path: "/metrics"))
        #expect(m.status == 200)
        #expect(m.headers["Content-Type"] == MetricsRegistry.contentType)
        #expect(await get(h, "/metrics").1.contains("hits_total 1"))
        #expect(await get(h, "/nope").0 == 404)
        #expect(await get(h, "/healthz").0 == 404)
        #expect(await h(HTTPRequest(method: "POST", path: "/metrics")).status == 405)
    }

    @Test func serversAnswerOverLoopback() async throws {
        let checks = HealthChecks()
        checks.addReadyCheck("x") { .ok }
        let registry = MetricsRegistry()
        try registry.gauge("leader_status", help: "Leader.").labels().set(1)
        let server = HealthServer(metricsAddress: BindAddress(host: "127.0.0.1", port: 0),
                                  probeAddress: BindAddress(host: "127.0.0.1", port: 0), checks: checks, metrics: registry)
        let ports = try server.start()
        #expect(ports.count == 2)
        defer { Task { await server.shutdown() } }
        let metricsURL = try #require(server.url("metrics"))
        let probesURL = try #require(server.url("probes"))
        let metrics = try await withTimeout { try await fetch(metricsURL + "/metrics") }
        #expect(metrics.0 == 200 && metrics.1.contains("leader_status 1"))
        let ready = try await withTimeout { try await fetch(probesURL + "/readyz") }
        #expect(ready.0 == 200 && ready.1 == "ok")
        await server.shutdown()
    }

    // MARK: - Bind addresses

    @Test(arguments: [(":8080", BindAddress(host: "0.0.0.0", port: 8080)),
                      ("127.0.0.1:0", BindAddress(host: "127.0.0.1", port: 0)),
                      ("[::1]:9", BindAddress(host: "::1", port: 9)),
                      ("localhost:80", BindAddress(host: "localhost", port: 80))])
    func bindAddressesParse(text: String, expected: BindAddress) throws {
        #expect(try BindAddress.parse(text) == expected)
    }

    @Test(arguments: ["", "8080", ":", ":x", ":-1", "[::1]:65536"])
    func badBindAddressesAreRejected(text: String) {
        #expect(throws: OptionsError.self) { try BindAddress.parse(text) }
    }
}

/// GET over loopback with URLSession; returns status and body.
func fetch(_ url: String) async throws -> (Int, String) {
    guard let u = URL(string: url) else { throw TimedOut(what: "bad url \(url)") }
    let (data, response) = try await URLSession.shared.data(from: u)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
}
