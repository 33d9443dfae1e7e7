import Foundation
import HTTPServer
import JSON
import Synchronization

/// An in-memory subset of kube-apiserver over HTTPS on loopback, for tests and the demo.
/// State survives `stop()`/`restart()`; it is never written to disk.
public final class DevCluster: Sendable {
    let store: Store
    /// Fault injection for tests.
    public let faults: FaultInjector
    let counters = RequestCounters()
    let options: DevClusterOptions
    let token: String
    private let run = Mutex(RunState())

    private struct RunState: Sendable {
        var server: HTTPServer?
        var bookmarks: Task<Void, Never>?
        var credentials: Credentials?
        var lastPort = 0
    }

    struct Credentials: Sendable {
        var ca: CertificateAuthority
        var serverCert: String
        var serverKey: String
        var clientCert: String
        var clientKey: String
    }

    public init(options: DevClusterOptions = .init()) {
        self.options = options
        store = Store(historyLimit: options.historyLimit)
        faults = FaultInjector(store: store)
        token = options.token ?? Self.randomToken()
    }

    private static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(g.next() as UInt64, radix: 16) }.joined()
    }

    /// Starts serving (a no-op returning the endpoint when already running).
    @discardableResult
    public func start() async throws -> DevClusterEndpoint {
        try startServer(port: options.port)
    }

    private func startServer(port: Int) throws(DevClusterError) -> DevClusterEndpoint {
        let creds = try credentials()
        if let e = endpoint { return e }
        let tls = TLSConfiguration(certificateChainPEM: creds.serverCert, privateKeyPEM: creds.serverKey,
                                   clientCAPEM: creds.ca.certificatePEM)
        let handler = APIHandler(store: store, faults: faults, counters: counters, token: token,
                                 defaultWatchTimeout: options.watchTimeout)
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: options.host, port: port, tls: tls,
                                                                        idleTimeout: .seconds(3600)),
                                handler: { await handler.handle($0) })
        let bound: Int
        do throws(HTTPServerError) {
            bound = try server.start()
        } catch {
            throw .listen(host: options.host, port: port, reason: error.description)
        }
        let store = self.store
        let interval = options.bookmarkInterval
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                store.emitBookmarks()
            }
        }
        run.withLock {
            $0.server = server
            $0.bookmarks = ticker
            $0.lastPort = bound
        }
        return makeEndpoint(port: bound, creds)
    }

    private func credentials() throws(DevClusterError) -> Credentials {
        if let c = run.withLock({ $0.credentials }) { return c }
        do throws(CertificateError) {
            let ca = try CertificateAuthority.generate(commonName: "devcluster-ca")
            let s = try ca.issueServerCertificate(dnsNames: ["localhost"], ipAddresses: ["127.0.0.1", "::1"])
            let c = try ca.issueClientCertificate(commonName: "dev-admin", organizations: ["system:masters"])
            let creds = Credentials(ca: ca, serverCert: s.certificatePEM, serverKey: s.privateKeyPEM,
                                    clientCert: c.certificatePEM, clientKey: c.privateKeyPEM)
            run.withLock { $0.credentials = creds }
            return creds
        } catch {
            throw .certificates(error.description)
        }
    }

    private func makeEndpoint(port: Int, _ c: Credentials) -> DevClusterEndpoint {
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return DevClusterEndpoint(url: "https://\(host):\(port)", port: port, caPEM: c.ca.certificatePEM, token: token,
                                  clientCertificatePEM: c.clientCert, clientKeyPEM: c.clientKey)
    }

    /// The endpoint while running, nil when stopped.
    public var endpoint: DevClusterEndpoint? {
        run.withLock { s in
            guard s.server != nil, let c = s.credentials else { return nil }
            return makeEndpoint(port: s.lastPort, c)
        }
    }

    /// Stops serving and closes every watch; objects and the resourceVersion counter are kept.
    public func stop() async {
        let (server, ticker) = run.withLock { s in
            defer { s.server = nil; s.bookmarks = nil }
            return (s.server, s.bookmarks)
        }
        ticker?.cancel()
        store.dropAllWatches()
        await server?.shutdown(timeout: .seconds(2))
    }

    /// Stops and starts again on the same port (a free one if it was taken), with the same state.
    public func restart() async throws {
        await stop()
        let port = run.withLock { $0.lastPort }
        do throws(DevClusterError) {
            _ = try startServer(port: port)
        } catch {
            _ = try startServer(port: 0)
        }
    }

    /// Requests served with this RBAC verb ("get", "list", "watch", "create", "update", "patch",
    /// "delete", "deletecollection"); `resource` "widgets" includes its subresources, "widgets/status" only that one.
    public func requestCount(verb: String, resource: String? = nil) -> Int {
        counters.count(verb: verb, resource: resource)
    }

    public func resetRequestCounts() {
        counters.reset()
    }

    /// The current resourceVersion of the global counter.
    public var resourceVersion: Int64 { store.resourceVersion }
}
