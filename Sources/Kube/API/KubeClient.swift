import Foundation
import JSON

/// The Kubernetes API client. One instance per API server; share it freely across tasks.
///
///     let client = try KubeClient(try ClientConfiguration.load())
///     let cm = try await client.get(.configMaps, namespace: client.namespace, name: "settings")
///     for try await event in client.watch(.ciliumNetworkPolicies, namespace: nil,
///                                         options: WatchOptions(resourceVersion: list.resourceVersion)) { ... }
///
/// Requests run on one libcurl event-loop thread (HTTP/2 multiplexed when offered), pass a
/// client-side rate limit, and are retried on 429 (any method), 503 and connection failures
/// (idempotent methods). Failures are `KubeError`s carrying the server's Status.
public final class KubeClient: Sendable {
    public let configuration: ClientConfiguration
    /// Owns the event loop: derived clients (`withTimeout`) share it, the last one stops it.
    private let loopOwner: LoopOwner
    let limiter: RateLimiter
    let credentials: CredentialSource
    let discovery: DiscoveryCache
    /// The server URL without a trailing slash, prepended to every path.
    let base: String

    var loop: CurlEventLoop { loopOwner.loop }

    public init(_ configuration: ClientConfiguration) throws(KubeError) {
        guard let scheme = configuration.server.scheme, scheme == "https" || scheme == "http",
              configuration.server.host != nil else {
            throw .configuration("server \(configuration.server.absoluteString) is not an http(s) URL")
        }
        if (configuration.clientCertificatePEM == nil) != (configuration.clientKeyPEM == nil) {
            throw .configuration("a client certificate needs both the certificate and the key")
        }
        self.configuration = configuration
        var b = configuration.server.absoluteString
        while b.hasSuffix("/") { b.removeLast() }
        base = b
        loopOwner = LoopOwner(try CurlEventLoop())
        limiter = RateLimiter(qps: configuration.qps, burst: configuration.burst)
        credentials = CredentialSource(configuration)
        discovery = DiscoveryCache()
    }

    private init(deriving parent: KubeClient, configuration: ClientConfiguration) {
        self.configuration = configuration
        base = parent.base
        loopOwner = parent.loopOwner
        limiter = parent.limiter
        credentials = parent.credentials
        discovery = parent.discovery
    }

    /// The same client (connections, rate limit, credentials, discovery) with another
    /// per-request timeout, for calls that must fail fast or may take long.
    public func withTimeout(_ timeout: Duration) -> KubeClient {
        var c = configuration
        c.timeout = timeout
        return KubeClient(deriving: self, configuration: c)
    }

    /// The default namespace of the configuration's context.
    public var namespace: String { configuration.namespace }
}

/// Stops the event loop when the last client using it goes away.
private final class LoopOwner: Sendable {
    let loop: CurlEventLoop
    init(_ loop: CurlEventLoop) { self.loop = loop }
    deinit { loop.shutdown() }
}
