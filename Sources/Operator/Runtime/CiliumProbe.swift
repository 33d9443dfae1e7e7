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
    /// When discovery (or a 404) last said the CRD is missing; nil when it is not known missing.
    private let missingSince = Mutex<ContinuousClock.Instant?>(nil)
    /// A missing answer is reused this long, so a thousand retrying policies cost one discovery call.
    let answerTTL: Duration = .seconds(1)

    init(client: KubeClient, informer: Informer) {
        self.client = client
        self.informer = informer
    }

    func check() async throws(KubeError) -> Answer {
        let since = missingSince.withLock { $0 }
        if since == nil, informer.hasSynced { return .available }
        if let since, ContinuousClock.now - since < answerTTL { return .missing }
        let resources = try await client.discover(apiVersion: PolicyMetadata.ciliumAPIVersion)
        guard resources.contains(where: { $0.kind == PolicyMetadata.ciliumKind }) else {
            markMissing()
            return .missing
        }
        missingSince.withLock { $0 = nil }
        return informer.hasSynced ? .available : .syncing
    }

    func markMissing() { missingSince.withLock { $0 = ContinuousClock.now } }
}
