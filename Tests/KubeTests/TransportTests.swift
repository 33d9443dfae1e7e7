import Foundation
import JSON
import Synchronization
import Testing
@testable import Kube

@Suite("Transport: TLS, retries, timeouts, rate limits", .timeLimit(.minutes(1)))
struct TransportTests {
    let server: FakeAPIServer

    init() throws {
        server = try FakeAPIServer.shared()
    }

    // MARK: TLS

    @Test func wrongCANamesHostAndReason() async throws {
        let client = try server.client { $0.certificateAuthorityPEM = server.certificates.pem(server.certificates.otherCACert) }
        do {
            _ = try await client.getRaw("/whoami")
            Issue.record("expected a TLS failure")
        } catch {
            guard case .transport(let host, let reason) = error else { Issue.record("got \(error)"); return }
            #expect(host == "https://127.0.0.1:\(server.port)")
            #expect(reason.contains("TLS verification of https://127.0.0.1:\(server.port) failed"))
            #expect(reason.contains("certificate signed by unknown authority"), "\(reason)")
            #expect(reason.hasSuffix("(curl: SSL certificate problem: self-signed certificate in certificate chain)"), "\(reason)")
        }
    }

    @Test func noCAUsesSystemTrustAndFails() async throws {
        let client = try server.client { $0.certificateAuthorityPEM = nil }
        await #expect(throws: KubeError.self) { try await client.getRaw("/whoami") }
    }

    @Test func insecureSkipVerifyConnects() async throws {
        let client = try server.client {
            $0.certificateAuthorityPEM = nil
            $0.insecureSkipTLSVerify = true
        }
        let who = try await client.getRaw("/whoami")
        #expect(who["userAgent"] == .string("threat-monitor/\(KubeVersion.current)"))
    }

    @Test func tlsServerNameVerifiesAgainstOtherName() async throws {
        let named = try FakeAPIServer(named: true)
        let plain = try named.client()
        await #expect(throws: KubeError.self) { try await plain.getRaw("/whoami") }
        let client = try named.client { $0.tlsServerName = "kube.test" }
        let who = try await client.getRaw("/whoami")
        #expect(who["clientCN"] == .null)
    }

    @Test func clientCertificateIsPresented() async throws {
        let certs = server.certificates
        let client = try server.client {
            $0.clientCertificatePEM = certs.pem(certs.clientCert)
            $0.clientKeyPEM = certs.pem(certs.clientKey)
        }
        let who = try await client.getRaw("/whoami")
        #expect(who["clientCN"] == "alice")
    }

    @Test func connectionIsReused() async throws {
        let client = try server.client()
        let a = try await client.getRaw("/whoami")["remotePort"]
        let b = try await client.getRaw("/whoami")["remotePort"]
        #expect(a != nil)
        #expect(a == b)
    }

    // MARK: Retries

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        let client = try server.client()
        let v = try await client.getRaw("/fault/retry-after?key=a&after=1")
        #expect(v["attempts"] == 2)
    }

    @Test func retryDelayFollowsRetryAfterAndMethod() throws {
        let client = try server.client { $0.maxRetries = 3 }
        let get = APICall(method: "GET", verb: "get", path: "/x")
        let post = APICall(method: "POST", verb: "create", path: "/x")
        #expect(client.retryDelay(get, status: 429, headers: ["retry-after": "7"], attempt: 0) == .seconds(7))
        #expect(client.retryDelay(post, status: 429, headers: ["retry-after": "2"], attempt: 0) == .seconds(2))
        #expect(client.retryDelay(get, status: 503, headers: ["retry-after": "1"], attempt: 0) == .seconds(1))
        #expect(client.retryDelay(post, status: 503, headers: [:], attempt: 0) == nil)
        #expect(client.retryDelay(get, status: 429, headers: [:], attempt: 3) == nil, "retries are bounded")
        #expect(client.retryDelay(get, status: 500, headers: [:], attempt: 0) == nil)
        #expect(client.retryDelay(get, status: 429, headers: ["retry-after": "3600"], attempt: 0) == .seconds(60), "capped")
    }

    @Test func tooManyRequestsGivesUpAfterMaxRetries() async throws {
        let client = try server.client { $0.maxRetries = 2 }
        do {
            _ = try await client.getRaw("/fault/retry-after?key=b&after=0&times=10")
            Issue.record("expected 429")
        } catch {
            #expect(error.isTooManyRequests)
        }
        let log = try await server.requests(containing: "/fault/retry-after?key=b&", via: client)
        #expect(log.count == 3)
    }

    @Test func serviceUnavailableIsRetriedForGet() async throws {
        let client = try server.client()
        let v = try await client.getRaw("/fault/unavailable?key=c&times=2")
        #expect(v["attempts"] == 3)
    }

    @Test func droppedConnectionIsRetriedForGet() async throws {
        let client = try server.client()
        let v = try await client.getRaw("/fault/drop?key=d&times=1")
        #expect(v["attempts"] == 2)
    }

    @Test func nonIdempotentRequestIsNotRetriedOn503() async throws {
        let client = try server.client()
        let call = APICall(method: "POST", verb: "create", path: "/fault/unavailable", query: [("key", "e"), ("times", "1")],
                           body: Data("{}".utf8), contentType: "application/json")
        do {
            _ = try await client.send(call)
            Issue.record("expected 503")
        } catch {
            #expect(error.statusCode == 503)
        }
    }

    @Test func connectionRefusedIsATransportError() async throws {
        var c = server.configuration()
        // A port nothing listens on: the server's port after it stopped.
        let gone = try FakeAPIServer()
        c.server = gone.url
        gone.stop()
        try await Task.sleep(for: .milliseconds(200))
        c.maxRetries = 1
        let client = try KubeClient(c)
        do {
            _ = try await client.getRaw("/whoami")
            Issue.record("expected a transport error")
        } catch {
            guard case .transport(let host, _) = error else { Issue.record("got \(error)"); return }
            #expect(host == "https://127.0.0.1:\(gone.port)")
        }
    }

    // MARK: Timeouts and cancellation

    @Test func requestTimeout() async throws {
        let client = try server.client { $0.timeout = .milliseconds(300) }
        do {
            _ = try await client.getRaw("/fault/slow?seconds=5")
            Issue.record("expected a timeout")
        } catch {
            guard case .timeout = error else { Issue.record("got \(error)"); return }
        }
    }

    @Test func perCallTimeoutSharesTheClient() async throws {
        let client = try server.client()
        let fast = client.withTimeout(.milliseconds(300))
        do {
            _ = try await fast.getRaw("/fault/slow?seconds=5&key=t")
            Issue.record("expected a timeout")
        } catch {
            guard case .timeout = error else { Issue.record("got \(error)"); return }
        }
        // Derived clients share the connection pool (and the original keeps its timeout).
        let patient = fast.withTimeout(.seconds(20))
        let a = try await client.getRaw("/whoami")["remotePort"]
        let b = try await patient.getRaw("/whoami")["remotePort"]
        #expect(a == b)
    }

    @Test func cancellingARequest() async throws {
        let client = try server.client()
        let task = Task { () throws(KubeError) -> JSONValue in try await client.getRaw("/fault/slow?seconds=10") }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.result
        guard case .failure(KubeError.cancelled) = result else {
            Issue.record("expected cancellation, got \(result)")
            return
        }
    }

    @Test func manyConcurrentRequestsOnOneLoop() async throws {
        let client = try server.client { $0.qps = 0 }
        let cm = GroupVersionResource.configMaps
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<40 {
                group.addTask { _ = try await client.create(cm, namespace: "load", ["metadata": ["name": .string("c\(i)")]]) }
            }
            try await group.waitForAll()
        }
        let all = try await client.listAll(cm, namespace: "load", options: ListOptions(limit: 30))
        #expect(all.items.count == 40)
        #expect(Set(all.items.compactMap { $0[path: ["metadata", "name"]]?.stringValue }).count == 40)
    }

    // MARK: Rate limiting

    @Test func rateLimiterAllowsBurstThenSpacesRequests() {
        let limiter = RateLimiter(qps: 10, burst: 3)
        let waits = (0..<5).map { _ in limiter.reserve() }
        #expect(waits[0..<3].allSatisfy { $0 == .zero })
        #expect(waits[3] > .milliseconds(50))
        #expect(waits[4] > waits[3])
    }

    @Test func unlimitedRateLimiterNeverWaits() {
        let limiter = RateLimiter(qps: 0, burst: 1)
        #expect((0..<100).allSatisfy { _ in limiter.reserve() == .zero })
    }

    // MARK: Recorder and observer

    @Test func recorderAndObserverSeeEveryCall() async throws {
        let recorder = RequestRecorder()
        let seen = Mutex<[RequestMetrics]>([])
        let client = try server.client {
            $0.recorder = recorder
            $0.observer = { m in seen.withLock { $0.append(m) } }
        }
        let cm = GroupVersionResource.configMaps
        _ = try await client.create(cm, namespace: "rec", ["metadata": ["name": "r"]])
        _ = try await client.get(cm, namespace: "rec", name: "r")
        _ = try await client.list(cm, namespace: "rec")
        _ = try await client.patch(cm, namespace: "rec", name: "r", .merge(["data": ["a": "b"]]))
        _ = try? await client.get(cm, namespace: "rec", name: "missing")
        try await client.delete(cm, namespace: "rec", name: "r")
        for try await _ in client.watch(cm, namespace: "basic") {}
        #expect(recorder.recorded == [
            RecordedRequest(verb: "create", group: "", resource: "configmaps"),
            RecordedRequest(verb: "get", group: "", resource: "configmaps"),
            RecordedRequest(verb: "list", group: "", resource: "configmaps"),
            RecordedRequest(verb: "patch", group: "", resource: "configmaps"),
            RecordedRequest(verb: "delete", group: "", resource: "configmaps"),
            RecordedRequest(verb: "watch", group: "", resource: "configmaps"),
        ])
        let codes = seen.withLock { $0.map { "\($0.verb) \($0.code ?? 0)" } }
        #expect(codes == ["create 201", "get 200", "list 200", "patch 200", "get 404", "delete 200", "watch 200"])
    }
}
