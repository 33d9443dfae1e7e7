import Controller
import Foundation
import JSON

/// Issue 4's figures: the memory of a cache of 10,000 objects and the throughput
/// of a no-op reconciler through the work queue.
enum ControllerBench {
    static func run(items: [JSONValue]) async throws {
        // Serialise each object first; the cache then holds objects decoded after the
        // baseline, as an informer's would be, and nothing else references them.
        let encoded = items.map { JSONWriter.data($0) }
        let before = residentBytes()
        let indexer = Indexer()
        for data in encoded { _ = indexer.upsert(try JSONParser.parse(data)) }
        let after = residentBytes()
        report("controller.cache_10000_objects.rss_delta", Double(after - before) / 1_048_576, "MiB",
               note: "\(indexer.count) CiliumNetworkPolicies, namespace/label/owner indexes")

        for workers in [1, 4] {
            let keys = 100_000
            let controller = try Controller(name: "bench", reconciler: ClosureReconciler { _ in .done }, workers: workers)
            let clock = ContinuousClock()
            let start = clock.now
            let runner = Task { await controller.run() }
            for i in 0..<keys { await controller.enqueue(ObjectKey(namespace: "ns-\(i % 100)", name: "obj-\(i)")) }
            _ = await controller.shutDown(drainTimeout: .seconds(120))
            await runner.value
            let elapsed = clock.now - start
            report("controller.noop_reconcile.workers_\(workers)", Double(keys) / elapsed.seconds, "reconciles/s",
                   note: "\(keys) distinct keys through the work queue")
        }
    }
}
