/// The work-queue metrics controller-runtime exposes, for one queue name.
public struct WorkQueueMetrics: Sendable {
    let depth: Gauge
    let adds: Counter
    let retries: Counter
    let queueDuration: Histogram
    let workDuration: Histogram

    static let buckets: [Double] = [1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1000]

    public init(registry: MetricsRegistry, name: String) throws(MetricsError) {
        depth = try registry.gauge("workqueue_depth", help: "Current depth of the work queue.", labels: ["name"]).labels(name)
        adds = try registry.counter("workqueue_adds_total", help: "Total number of adds handled by the work queue.",
                                    labels: ["name"]).labels(name)
        retries = try registry.counter("workqueue_retries_total", help: "Total number of retries handled by the work queue.",
                                       labels: ["name"]).labels(name)
        queueDuration = try registry.histogram("workqueue_queue_duration_seconds",
                                               help: "How long in seconds an item stays in the work queue before being requested.",
                                               labels: ["name"], buckets: Self.buckets).labels(name)
        workDuration = try registry.histogram("workqueue_work_duration_seconds",
                                              help: "How long in seconds processing an item from the work queue takes.",
                                              labels: ["name"], buckets: Self.buckets).labels(name)
    }
}
