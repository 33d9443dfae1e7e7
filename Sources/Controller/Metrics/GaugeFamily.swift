/// A gauge metric with labels. Children are created on first use.
public final class GaugeFamily: Sendable {
    let store: ScalarStore
    var descriptor: MetricDescriptor { store.descriptor }

    init(_ descriptor: MetricDescriptor) { store = ScalarStore(descriptor) }

    /// The child for these label values, in declared label order.
    public func labels(_ values: String...) -> Gauge { Gauge(store: store, key: store.key(values)) }
    public func labels(_ values: [String]) -> Gauge { Gauge(store: store, key: store.key(values)) }
}

/// One labelled gauge series.
public struct Gauge: Sendable {
    let store: ScalarStore
    let key: [String]
    public func set(_ v: Double) { store.set(key, v) }
    public func inc(by amount: Double = 1) { store.add(key, amount) }
    public func dec(by amount: Double = 1) { store.add(key, -amount) }
    public var value: Double { store.value(key) }
}
