import Kube

/// client-go's REST client metrics, fed by `ClientConfiguration.observer`.
public struct KubeClientMetrics: Sendable {
    let total: CounterFamily
    let latency: HistogramFamily

    public init(registry: MetricsRegistry) throws(MetricsError) {
        total = try registry.counter("rest_client_requests_total",
                                     help: "Number of HTTP requests to the API server, by verb, resource and status code.",
                                     labels: ["verb", "resource", "code"])
        latency = try registry.histogram("rest_client_request_duration_seconds",
                                         help: "Request latency in seconds, by verb.", labels: ["verb"],
                                         buckets: [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60])
    }

    /// Counts one request; `code` nil when no HTTP answer came.
    public func observe(verb: String, resource: String, code: Int?, latency d: Duration) {
        total.labels(verb, resource, code.map(String.init) ?? "<error>").inc()
        latency.labels(verb).observe(d)
    }

    /// An observer to put in `ClientConfiguration.observer`.
    public static func observer(registry: MetricsRegistry) throws(MetricsError) -> @Sendable (RequestMetrics) -> Void {
        let m = try KubeClientMetrics(registry: registry)
        return { r in m.observe(verb: r.verb, resource: r.resource, code: r.code, latency: r.latency) }
    }
}
