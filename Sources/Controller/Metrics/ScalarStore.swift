import Synchronization

/// Label values -> one number, behind one lock: the storage of counters and gauges.
final class ScalarStore: Sendable {
    let descriptor: MetricDescriptor
    private let values: Mutex<[[String]: Double]>

    init(_ descriptor: MetricDescriptor) {
        self.descriptor = descriptor
        // An unlabelled metric shows 0 from the start, as client libraries do.
        self.values = Mutex(descriptor.labelNames.isEmpty ? [[]: 0] : [:])
    }

    func key(_ labelValues: [String]) -> [String] { descriptor.normalized(labelValues) }
    func set(_ key: [String], _ v: Double) { values.withLock { $0[key] = v } }
    func add(_ key: [String], _ v: Double) { values.withLock { $0[key, default: 0] += v } }
    func value(_ key: [String]) -> Double { values.withLock { $0[key] ?? 0 } }

    func write(into w: inout ExpositionWriter) {
        let snapshot = values.withLock { $0 }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        w.header(descriptor)
        for (k, v) in snapshot {
            w.sample(descriptor.name, labelNames: descriptor.labelNames, labelValues: k, value: v)
        }
    }
}
