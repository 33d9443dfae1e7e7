import Kube

/// client-go's REST client metrics, fed by `ClientConfiguration.observer`.
public enum KubeClientMetrics {
    /// An observer counting requests by verb and code and timing them by verb.
    public static func observer(registry: MetricsRegistry) throws(MetricsError) -> @Sendable (RequestMetrics) -> Void {
        let total = try registry.counter("rest_client_requests_total",
                                         help: "Number of HTTP requests to the API server, by verb, resource and status code.",
                                         labels: ["verb", "resource", "code"])
        let latency = try registry.histogram("rest_client_request_duration_seconds",
                                             help: "Request latency in seconds, by verb.", labels: ["verb"],
                                             buckets: [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60])
        return { m in
            total.labels(m.verb, m.resource, m.code.map(String.init) ?? "<error>").inc()
            latency.labels(m.verb).observe(m.latency)
        }
    }
}
