import DevCluster
import Foundation
import JSON
import Kube
import OperatorBenchmarks
import Synchronization

/// Issue 3's figures: DevCluster's write throughput over HTTPS, and watch fan-out
/// (events delivered per second to 10 concurrent watchers).
enum DevClusterBench {
    static func run() async throws {
        let cluster = DevCluster(options: DevClusterOptions(historyLimit: 100_000))
        let endpoint = try await cluster.start()
        defer { Task { await cluster.stop() } }
        let client = try ConvergenceBenchmark.client(endpoint)
        _ = try await client.create(.namespaces, namespace: nil, ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "bench"]])

        // Writes: 8 concurrent clients creating ConfigMaps, as a controller's workers would.
        let writes = 4_000, concurrency = 8
        let clock = ContinuousClock()
        var start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<concurrency {
                group.addTask {
                    for i in stride(from: w, to: writes, by: concurrency) {
                        _ = try await client.create(.configMaps, namespace: "bench", configMap("w-\(i)"))
                    }
                }
            }
            try await group.waitForAll()
        }
        report("devcluster.writes", Double(writes) / (clock.now - start).seconds, "creates/s",
               note: "\(writes) ConfigMaps over HTTPS, \(concurrency) concurrent clients")

        // Fan-out: 10 watchers from the same resourceVersion, then a burst of writes.
        let watchers = 10, events = 2_000
        let rv = try await client.list(.configMaps, namespace: "bench", options: ListOptions(limit: 1)).resourceVersion
        let received = Counts(watchers)
        let tasks = (0..<watchers).map { w in
            Task {
                let stream = client.watch(.configMaps, namespace: "bench", options: WatchOptions(resourceVersion: rv))
                for try await event in stream where event.type == .added {
                    let n = received.increment(w)
                    if n == events { return }
                }
            }
        }
        start = clock.now
        for i in 0..<events {
            _ = try await client.create(.configMaps, namespace: "bench", configMap("f-\(i)"))
        }
        for t in tasks { try await t.value }
        let elapsed = (clock.now - start).seconds
        report("devcluster.watch_fanout", Double(events * watchers) / elapsed, "events/s",
               note: "\(events) creates delivered to each of \(watchers) watchers in \(String(format: "%.2f", elapsed)) s")
    }

    final class Counts: Sendable {
        private let counts: Mutex<[Int]>
        init(_ n: Int) { counts = Mutex([Int](repeating: 0, count: n)) }
        func increment(_ i: Int) -> Int { counts.withLock { $0[i] += 1; return $0[i] } }
    }

    static func configMap(_ name: String) -> JSONValue {
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "labels": ["bench": "true"]],
         "data": ["key": "value", "config.yaml": "replicas: 3\nimage: example/app:1.0\n"]]
    }
}
