import Foundation
import HTTPServer

/// The HTTP handler for /healthz, /readyz and /metrics. `metrics` nil serves no /metrics.
public enum ProbeRoutes {
    public static func handler(checks: HealthChecks?, metrics: MetricsRegistry?) -> HTTPHandler {
        return { request in
            guard request.method == "GET" || request.method == "HEAD" else {
                return HTTPResponse(status: 405, headers: ["Allow": "GET, HEAD"], body: .data(Data("method not allowed\n".utf8)))
            }
            let verbose = request.query.contains { $0.name == "verbose" }
            switch request.path {
            case "/healthz", "/livez":
                guard let checks else { break }
                return probe(await checks.health(), endpoint: "healthz", verbose: verbose)
            case "/readyz":
                guard let checks else { break }
                return probe(await checks.readiness(), endpoint: "readyz", verbose: verbose)
            case "/metrics":
                guard let metrics else { break }
                return HTTPResponse(status: 200, contentType: MetricsRegistry.contentType, body: Data(metrics.exposition().utf8))
            default:
                break
            }
            return HTTPResponse(status: 404, contentType: "text/plain; charset=utf-8", body: Data("404 page not found\n".utf8))
        }
    }

    private static func probe(_ report: HealthChecks.Report, endpoint: String, verbose: Bool) -> HTTPResponse {
        HTTPResponse(status: report.healthy ? 200 : 500, contentType: "text/plain; charset=utf-8",
                     body: Data(report.text(endpoint: endpoint, verbose: verbose).utf8))
    }
}
