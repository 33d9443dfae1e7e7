import Kube
import Testing
@testable import Controller

/// After a failed watch: relist only when the cache may have diverged, as client-go does.
@Suite("Informer: relist or re-watch")
struct InformerRelistTests {
    @Test(arguments: [
        (KubeError.transport(host: "https://127.0.0.1:6443", reason: "connection reset"), false),
        (.timeout("watch"), false),
        (.cancelled, false),
        (.decoding("event without type or object"), true),
        (.status(APIStatus(message: "etcd unavailable", reason: "InternalError", code: 500)), true),
    ])
    func relistDecision(error: KubeError, relist: Bool) {
        #expect(Informer.needsRelist(after: error) == relist)
    }
}
