import Synchronization

/// Discovery results per group/version, filled on demand.
final class DiscoveryCache: Sendable {
    private let byGroupVersion = Mutex<[String: [APIResource]]>([:])

    func lookup(kind: String, apiVersion: String) -> APIResource? {
        byGroupVersion.withLock { $0[apiVersion]?.first { $0.kind == kind } }
    }

    func store(_ resources: [APIResource], apiVersion: String) {
        byGroupVersion.withLock { $0[apiVersion] = resources }
    }

    func invalidate() { byGroupVersion.withLock { $0.removeAll() } }
}
