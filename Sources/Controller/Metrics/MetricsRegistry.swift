import Synchronization

/// A Prometheus registry: families registered by name, rendered in text format 0.0.4.
/// Registering the same name again with the same type and labels returns the existing
/// family, so components that share a metric need not coordinate.
public final class MetricsRegistry: Sendable {
    private enum Family: Sendable {
        case counter(CounterFamily)
        case gauge(GaugeFamily)
        case histogram(HistogramFamily)

        var descriptor: MetricDescriptor {
            switch self {
            case .counter(let f): return f.descriptor
            case .gauge(let f): return f.descriptor
            case .histogram(let f): return f.descriptor
            }
        }
    }

    private let families = Mutex<[String: Family]>([:])

    public init() {}

    /// The content type of `exposition()`.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public func counter(_ name: String, help: String, labels: [String] = []) throws(MetricsError) -> CounterFamily {
        let d = try MetricDescriptor(name: name, help: help, type: .counter, labelNames: labels)
        let f = try register(d) { .counter(CounterFamily(d)) }
        if case .counter(let c) = f { return c }
        throw .conflictingRegistration(name: name, existing: f.descriptor.summary, requested: d.summary)
    }

    public func gauge(_ name: String, help: String, labels: [String] = []) throws(MetricsError) -> GaugeFamily {
        let d = try MetricDescriptor(name: name, help: help, type: .gauge, labelNames: labels)
        let f = try register(d) { .gauge(GaugeFamily(d)) }
        if case .gauge(let g) = f { return g }
        throw .conflictingRegistration(name: name, existing: f.descriptor.summary, requested: d.summary)
    }

    public func histogram(_ name: String, help: String, labels: [String] = [],
                          buckets: [Double] = HistogramFamily.defaultBuckets) throws(MetricsError) -> HistogramFamily {
        let d = try MetricDescriptor(name: name, help: help, type: .histogram, labelNames: labels)
        guard !buckets.isEmpty else { throw .invalidBuckets(metric: name, reason: "must not be empty") }
        guard zip(buckets, buckets.dropFirst()).allSatisfy({ $0 < $1 }), buckets.allSatisfy({ $0.isFinite }) else {
            throw .invalidBuckets(metric: name, reason: "\(buckets) must be finite and strictly increasing (+Inf is implicit)")
        }
        let f = try register(d) { .histogram(HistogramFamily(d, buckets: buckets)) }
        if case .histogram(let h) = f { return h }
        throw .conflictingRegistration(name: name, existing: f.descriptor.summary, requested: d.summary)
    }

    private func register(_ d: MetricDescriptor, make: () -> Family) throws(MetricsError) -> Family {
        let result: Result<Family, MetricsError> = families.withLock { all in
            if let existing = all[d.name] {
                let e = existing.descriptor
                guard e.type == d.type, e.labelNames == d.labelNames else {
                    return .failure(.conflictingRegistration(name: d.name, existing: e.summary, requested: d.summary))
                }
                return .success(existing)
            }
            let f = make()
            all[d.name] = f
            return .success(f)
        }
        return try result.get()
    }

    /// Every family in text exposition format, sorted by name.
    public func exposition() -> String {
        let snapshot = families.withLock { $0 }.sorted { $0.key < $1.key }
        var w = ExpositionWriter()
        for (_, f) in snapshot {
            switch f {
            case .counter(let c): c.store.write(into: &w)
            case .gauge(let g): g.store.write(into: &w)
            case .histogram(let h): h.write(into: &w)
            }
        }
        return w.out
    }
}
