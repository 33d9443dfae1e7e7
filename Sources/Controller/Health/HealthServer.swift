import HTTPServer

/// Serves /metrics on one address and /healthz + /readyz on another (or all three on
/// one, when both addresses are equal). Either may be disabled.
public final class HealthServer: Sendable {
    private let servers: [(role: String, server: HTTPServer)]

    public init(metricsAddress: BindAddress?, probeAddress: BindAddress?, checks: HealthChecks, metrics: MetricsRegistry) {
        var s: [(String, HTTPServer)] = []
        // Port 0 means "any free port", so two port-0 addresses are two servers.
        if let m = metricsAddress, m == probeAddress, m.port != 0 {
            s.append(("metrics+probes", HTTPServer(configuration: HTTPServerConfiguration(host: m.host, port: m.port),
                                                   handler: ProbeRoutes.handler(checks: checks, metrics: metrics))))
        } else {
            if let m = metricsAddress {
                s.append(("metrics", HTTPServer(configuration: HTTPServerConfiguration(host: m.host, port: m.port),
                                                handler: ProbeRoutes.handler(checks: nil, metrics: metrics))))
            }
            if let p = probeAddress {
                s.append(("probes", HTTPServer(configuration: HTTPServerConfiguration(host: p.host, port: p.port),
                                               handler: ProbeRoutes.handler(checks: checks, metrics: nil))))
            }
        }
        servers = s
    }

    /// Binds every server; returns role -> bound port (useful with port 0).
    @discardableResult
    public func start() throws(HTTPServerError) -> [String: Int] {
        var ports: [String: Int] = [:]
        for (role, server) in servers {
            do throws(HTTPServerError) {
                ports[role] = try server.start()
            } catch {
                for (_, started) in servers where started.port != 0 { Task { await started.shutdown(timeout: .seconds(1)) } }
                throw error
            }
        }
        return ports
    }

    /// The base URL of the server for a role ("metrics", "probes" or "metrics+probes").
    public func url(_ role: String) -> String? { servers.first { $0.role == role }?.server.url }

    /// Stops every server, waiting briefly for requests in flight.
    public func shutdown() async {
        for (_, s) in servers { await s.shutdown(timeout: .seconds(2)) }
    }
}
