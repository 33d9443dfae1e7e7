import Controller
import Kube
import Policies
import Synchronization

/// Whether Cilium's CiliumNetworkPolicy CRD is served. A synced CNP informer
/// proves it; otherwise discovery (404 or no such kind) decides. A failed write
/// with 404 marks it missing until discovery finds it again.
final class CiliumProbe: Sendable {
    enum Answer: Sendable, Equatable {
        case available
        case missing
        /// Served, but the CNP cache has not listed yet: retry shortly.
        case syncing
    }

    let client: KubeClient
    let informer: Informer
    private let knownMissing = Mutex(false)

    init(client: KubeClient, informer: Informer) {
        self.client = client
        self.informer = informer
    }

    func check() async throws(KubeError) -> Answer {
        if informer.hasSynced, !knownMissing.withLock({ $0 }) { return .available }
        let resources = try await client.discover(apiVersion: PolicyMetadata.ciliumAPIVersion)
        guard resources.contains(where: { $0.kind == PolicyMetadata.ciliumKind }) else {
            knownMissing.withLock { $0 = true }
            return .missing
        }
        knownMissing.withLock { $0 = false }
        return informer.hasSynced ? .available : .syncing
    }

    func markMissing() { knownMissing.withLock { $0 = true } }
}
