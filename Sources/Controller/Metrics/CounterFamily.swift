/// A counter metric with labels. Children are created on first use.
public final class CounterFamily: Sendable {
    let store: ScalarStore
    var descriptor: MetricDescriptor { store.descriptor }

    init(_ descriptor: MetricDescriptor) { store = ScalarStore(descriptor) }

    /// The child for these label values, in declared label order.
    public func labels(_ values: String...) -> Counter { Counter(store: store, key: store.key(values)) }
    public func labels(_ values: [String]) -> Counter { Counter(store: store, key: store.key(values)) }
}

/// One labelled counter series.
public struct Counter: Sendable {
    let store: ScalarStore
    let key: [String]
    /// Counters only go up; a negative amount is ignored rather than corrupting the series.
    public func inc(by amount: Double = 1) {
        guard amount >= 0 else { return }
        store.add(key, amount)
    }
    public var value: Double { store.value(key) }
}
