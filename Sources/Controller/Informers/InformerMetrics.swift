/// Reflector metrics for one resource.
struct InformerMetrics: Sendable {
    let restarts: CounterFamily
    let lists: Counter
    let events: Counter
    let objects: Gauge
    let resource: String

    init(registry: MetricsRegistry, resource: String) throws(MetricsError) {
        self.resource = resource
        restarts = try registry.counter("controller_informer_watch_restarts_total",
                                        help: "Watches restarted per resource and reason (closed, expired, error).",
                                        labels: ["resource", "reason"])
        lists = try registry.counter("controller_informer_lists_total", help: "Full lists per resource.",
                                     labels: ["resource"]).labels(resource)
        events = try registry.counter("controller_informer_watch_events_total", help: "Watch events received per resource.",
                                      labels: ["resource"]).labels(resource)
        objects = try registry.gauge("controller_informer_cached_objects", help: "Objects in the informer cache per resource.",
                                     labels: ["resource"]).labels(resource)
    }

    func restart(_ reason: String) { restarts.labels(resource, reason).inc() }
}
