import Synchronization

/// A histogram metric with labels: cumulative `_bucket{le=...}`, `_sum` and `_count`.
public final class HistogramFamily: Sendable {
    /// Prometheus client libraries' default buckets (seconds).
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Series: Sendable {
        var counts: [UInt64]
        var sum: Double = 0
        var count: UInt64 = 0
    }

    let descriptor: MetricDescriptor
    let buckets: [Double]
    private let series: Mutex<[[String]: Series]>

    init(_ descriptor: MetricDescriptor, buckets: [Double]) {
        self.descriptor = descriptor
        self.buckets = buckets
        self.series = Mutex(descriptor.labelNames.isEmpty ? [[]: Series(counts: Array(repeating: 0, count: buckets.count))] : [:])
    }

    /// The child for these label values, in declared label order.
    public func labels(_ values: String...) -> Histogram { Histogram(family: self, key: descriptor.normalized(values)) }
    public func labels(_ values: [String]) -> Histogram { Histogram(family: self, key: descriptor.normalized(values)) }

    func observe(_ key: [String], _ v: Double) {
        // Buckets are few and sorted; a linear scan beats a binary search at this size.
        let idx = buckets.firstIndex { v <= $0 }
        series.withLock { all in
            var s = all[key] ?? Series(counts: Array(repeating: 0, count: buckets.count))
            if let idx { s.counts[idx] += 1 }
            s.sum += v
            s.count += 1
            all[key] = s
        }
    }

    func snapshot(_ key: [String]) -> Series? { series.withLock { $0[key] } }

    func write(into w: inout ExpositionWriter) {
        let snapshot = series.withLock { $0 }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        let names = descriptor.labelNames
        w.header(descriptor)
        for (k, s) in snapshot {
            var cumulative: UInt64 = 0
            for (i, upper) in buckets.enumerated() {
                cumulative += s.counts[i]
                w.sample(descriptor.name + "_bucket", labelNames: names, labelValues: k,
                         extra: ("le", ExpositionWriter.format(upper)), value: Double(cumulative))
            }
            w.sample(descriptor.name + "_bucket", labelNames: names, labelValues: k, extra: ("le", "+Inf"), value: Double(s.count))
            w.sample(descriptor.name + "_sum", labelNames: names, labelValues: k, value: s.sum)
            w.sample(descriptor.name + "_count", labelNames: names, labelValues: k, value: Double(s.count))
        }
    }
}

/// One labelled histogram series.
public struct Histogram: Sendable {
    let family: HistogramFamily
    let key: [String]
    public func observe(_ value: Double) { family.observe(key, value) }
    public func observe(_ d: Duration) { family.observe(key, d.seconds) }
    /// Observations so far (for tests and diagnostics).
    public var count: UInt64 { family.snapshot(key)?.count ?? 0 }
    public var sum: Double { family.snapshot(key)?.sum ?? 0 }
}

extension Duration {
    /// The duration in seconds as a Double.
    public var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
