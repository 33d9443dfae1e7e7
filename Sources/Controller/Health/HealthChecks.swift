import Synchronization

/// Outcome of one health or readiness check; the reason says what is wrong.
public enum CheckResult: Sendable, Equatable {
    case ok
    case failing(String)
}

/// Named checks behind /healthz and /readyz; components register their own
/// (informers: "caches synced", leader election: "lease renewed").
public final class HealthChecks: Sendable {
    public typealias Check = @Sendable () async -> CheckResult

    private let liveness = Mutex<[(name: String, check: Check)]>([])
    private let readiness = Mutex<[(name: String, check: Check)]>([])

    public init() {}

    /// A check for /healthz: failing means the process should be restarted.
    public func addHealthCheck(_ name: String, _ check: @escaping Check) {
        liveness.withLock { l in l.removeAll { $0.name == name }; l.append((name, check)) }
    }

    /// A check for /readyz: failing means do not send traffic yet.
    public func addReadyCheck(_ name: String, _ check: @escaping Check) {
        readiness.withLock { l in l.removeAll { $0.name == name }; l.append((name, check)) }
    }

    public struct Report: Sendable, Equatable {
        public var results: [(name: String, result: CheckResult)]
        public var healthy: Bool { results.allSatisfy { $0.result == .ok } }

        public static func == (a: Report, b: Report) -> Bool {
            a.results.map(\.name) == b.results.map(\.name) && a.results.map(\.result) == b.results.map(\.result)
        }

        /// kube-apiserver's verbose format: "[+]name ok" / "[-]name failed: reason".
        public func text(endpoint: String, verbose: Bool) -> String {
            guard verbose || !healthy else { return "ok" }
            var s = ""
            for (name, r) in results {
                switch r {
                case .ok: s += "[+]\(name) ok\n"
                case .failing(let why): s += "[-]\(name) failed: \(why)\n"
                }
            }
            s += healthy ? "\(endpoint) check passed\n" : "\(endpoint) check failed\n"
            return s
        }
    }

    public func health() async -> Report { await run(liveness.withLock { $0 }) }
    public func readiness() async -> Report { await run(readiness.withLock { $0 }) }

    private func run(_ checks: [(name: String, check: Check)]) async -> Report {
        var results: [(name: String, result: CheckResult)] = []
        results.reserveCapacity(checks.count)
        for c in checks { results.append((c.name, await c.check())) }
        return Report(results: results)
    }
}
