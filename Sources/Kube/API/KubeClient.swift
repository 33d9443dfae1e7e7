import Foundation
import JSON

/// The Kubernetes API client. One instance per API server; share it freely across tasks.
public final class KubeClient: Sendable {
    public let configuration: ClientConfiguration
    let loop: CurlEventLoop
    let limiter: RateLimiter
    let credentials: CredentialSource
    let discovery = DiscoveryCache()
    /// The server URL without a trailing slash, prepended to every path.
    let base: String

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
        loop = try CurlEventLoop()
        limiter = RateLimiter(qps: configuration.qps, burst: configuration.burst)
        credentials = CredentialSource(configuration)
    }

    deinit {
        loop.shutdown()
    }

    /// The default namespace of the configuration's context.
    public var namespace: String { configuration.namespace }
}
