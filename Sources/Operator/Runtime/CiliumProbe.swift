import Controller
import Kube
import Policies
import Synchronization

/// Whether Cilium's CiliumNetworkPolicy CRD is served. A synced CNP informer
/// proves it; otherwise discovery (404 or no such kind) decides. A write that
/// failed with 404 makes the next check ask discovery again.
final class CiliumProbe: Sendable {
    enum Answer: Sendable, Equatable {
        case available
        case missing
        /// Served, but the CNP cache has not listed yet: retry shortly.
        case syncing
    }

    let client: KubeClient
    let informer: Informer
    /// Discovery's last answer and when it came.
    private let last = Mutex<(missing: Bool, at: ContinuousClock.Instant)?>(nil)
    /// Discovery answers are reused this long, so a thousand retrying policies cost one call.
    let answerTTL: Duration = .seconds(1)

    init(client: KubeClient, informer: Informer) {
        self.client = client
        self.informer = informer
    }

    func check() async throws(KubeError) -> Answer {
        let now = ContinuousClock.now
        let known = last.withLock { $0 }
        if known?.missing != true, informer.hasSynced { return .available }
        let missing: Bool
        if let known, now - known.at < answerTTL {
            missing = known.missing
        } else {
            let resources = try await client.discover(apiVersion: PolicyMetadata.ciliumAPIVersion)
            missing = !resources.contains { $0.kind == PolicyMetadata.ciliumKind }
            last.withLock { $0 = (missing, now) }
        }
        if missing { return .missing }
        return informer.hasSynced ? .available : .syncing
    }

    /// After a 404 on a write: ask discovery again on the next check, even with a synced cache.
    func recheck() {
        let expired = ContinuousClock.now - answerTTL - .seconds(1)
        last.withLock { $0 = (true, expired) }
    }
}
