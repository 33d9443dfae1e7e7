/// Reconcile metrics for one controller, named as controller-runtime names them.
public struct ControllerMetrics: Sendable {
    let success: Counter
    let error: Counter
    let requeueAfter: Counter
    let errorsByKind: CounterFamily
    let name: String
    let duration: Histogram
    let activeWorkers: Gauge

    public init(registry: MetricsRegistry, controller name: String) throws(MetricsError) {
        self.name = name
        let total = try registry.counter("controller_runtime_reconcile_total",
                                         help: "Total number of reconciliations per controller and result.",
                                         labels: ["controller", "result"])
        success = total.labels(name, "success")
        error = total.labels(name, "error")
        requeueAfter = total.labels(name, "requeue_after")
        errorsByKind = try registry.counter("controller_runtime_reconcile_errors_total",
                                            help: "Total number of reconciliation errors per controller and error kind.",
                                            labels: ["controller", "kind"])
        duration = try registry.histogram("controller_runtime_reconcile_time_seconds",
                                          help: "Length of time per reconciliation per controller.",
                                          labels: ["controller"],
                                          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60])
            .labels(name)
        activeWorkers = try registry.gauge("controller_runtime_active_workers",
                                           help: "Number of workers currently reconciling per controller.",
                                           labels: ["controller"]).labels(name)
    }
}
