import Foundation

/// Turns configured credentials into per-request auth material, caching and refreshing it.
final class CredentialSource: Sendable {
    private enum Kind {
        case fixed(AuthMaterial)
        case tokenFile(TokenFileSource)
        case exec(ExecCredentialSource)
    }

    private let kind: Kind

    init(_ configuration: ClientConfiguration) {
        switch configuration.credentials {
        case .none:
            kind = .fixed(AuthMaterial())
        case .bearerToken(let t):
            kind = .fixed(AuthMaterial(authorization: "Bearer \(t)"))
        case .basic(let u, let p):
            kind = .fixed(AuthMaterial(authorization: "Basic " + Data("\(u):\(p)".utf8).base64EncodedString()))
        case .tokenFile(let path):
            kind = .tokenFile(TokenFileSource(path: path, recheckInterval: configuration.tokenFileRefreshInterval))
        case .exec(let e):
            kind = .exec(ExecCredentialSource(config: e, server: configuration.server.absoluteString,
                                              caPEM: configuration.certificateAuthorityPEM,
                                              insecure: configuration.insecureSkipTLSVerify))
        }
    }

    func material() async throws(KubeError) -> AuthMaterial {
        switch kind {
        case .fixed(let m): return m
        case .tokenFile(let s): return AuthMaterial(authorization: "Bearer \(try s.token())")
        case .exec(let s): return try await s.material()
        }
    }

    /// After a 401: drop cached credentials. Returns whether a retry may succeed.
    func invalidate() -> Bool {
        switch kind {
        case .fixed: return false
        case .tokenFile(let s): s.invalidate(); return true
        case .exec(let s): s.invalidate(); return true
        }
    }
}
