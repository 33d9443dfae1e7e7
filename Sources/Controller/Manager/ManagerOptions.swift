/// Process options, with the flag names kubebuilder operators use.
public struct ManagerOptions: Sendable, Equatable {
    /// Path to a kubeconfig; nil uses $KUBECONFIG, ~/.kube/config or in-cluster config.
    public var kubeconfig: String?
    /// The kubeconfig context; nil uses the current one.
    public var context: String?
    /// Restrict watches and writes to one namespace; nil watches all.
    public var namespace: String?
    /// nil disables the endpoint ("0").
    public var metricsBindAddress: BindAddress? = BindAddress(host: "0.0.0.0", port: 8080)
    public var healthProbeBindAddress: BindAddress? = BindAddress(host: "0.0.0.0", port: 8081)
    public var leaderElect = false
    public var leaderElectionID = "threat-monitor-leader"
    /// Where the Lease lives; nil uses --namespace, then the in-cluster namespace, then "default".
    public var leaderElectionNamespace: String?
    public var logLevel: LogLevel = .info
    public var logFormat: LogFormat = .logfmt
    /// How long shutdown waits for in-flight reconciles.
    public var gracefulShutdownTimeout: Duration = .seconds(30)
    public var helpRequested = false

    public init() {}

    static let knownFlags = ["--kubeconfig", "--context", "--namespace", "--metrics-bind-address",
                             "--health-probe-bind-address", "--leader-elect", "--leader-election-id",
                             "--leader-election-namespace", "--log-level", "--log-format",
                             "--graceful-shutdown-timeout", "--help"]

    /// Usage text for --help.
    public static let usage = """
        Flags:
          --kubeconfig PATH                     kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)
          --context NAME                        kubeconfig context (default: current)
          --namespace NS                        only watch and manage this namespace (default: all)
          --metrics-bind-address ADDR           /metrics address, "0" disables (default :8080)
          --health-probe-bind-address ADDR      /healthz and /readyz address, "0" disables (default :8081)
          --leader-elect[=true|false]           use a Lease so only one replica writes (default false)
          --leader-election-id NAME             Lease name (default threat-monitor-leader)
          --leader-election-namespace NS        Lease namespace
          --log-level debug|info|warn|error     (default info)
          --log-format logfmt|json              (default logfmt)
          --graceful-shutdown-timeout DURATION  wait for in-flight work on SIGTERM, e.g. 30s (default 30s)
        """

    /// Parses flags (`--flag value` or `--flag=value`; a single dash is accepted too, as Go's flag package does).
    /// `arguments` excludes the program name.
    public static func parse(arguments: [String]) throws(OptionsError) -> ManagerOptions {
        var o = ManagerOptions()
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            guard arg.hasPrefix("-"), arg != "-", arg != "--" else { throw .unexpectedArgument(arg) }
            var name = arg.hasPrefix("--") ? String(arg.dropFirst(2)) : String(arg.dropFirst())
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            let flag = "--" + name
            func value() throws(OptionsError) -> String {
                if let inline { return inline }
                guard i < arguments.count else { throw .missingValue(flag: flag) }
                defer { i += 1 }
                return arguments[i]
            }
            switch name {
            case "kubeconfig": o.kubeconfig = try nonEmpty(flag, value())
            case "context": o.context = try nonEmpty(flag, value())
            case "namespace":
                let v = try value()
                o.namespace = v.isEmpty ? nil : v
            case "metrics-bind-address": o.metricsBindAddress = try address(flag, value())
            case "health-probe-bind-address": o.healthProbeBindAddress = try address(flag, value())
            case "leader-elect":
                // A bare boolean flag never consumes the next argument, as in Go.
                switch inline {
                case nil, "true", "1": o.leaderElect = true
                case "false", "0": o.leaderElect = false
                case let v?: throw .invalidValue(flag: flag, value: v, reason: "expected true or false")
                }
            case "leader-election-id": o.leaderElectionID = try nonEmpty(flag, value())
            case "leader-election-namespace": o.leaderElectionNamespace = try nonEmpty(flag, value())
            case "log-level":
                let v = try value()
                guard let l = LogLevel(name: v) else { throw .invalidValue(flag: flag, value: v, reason: "expected debug, info, warn or error") }
                o.logLevel = l
            case "log-format":
                let v = try value()
                guard let f = LogFormat(rawValue: v) else { throw .invalidValue(flag: flag, value: v, reason: "expected logfmt or json") }
                o.logFormat = f
            case "graceful-shutdown-timeout":
                let v = try value()
                guard let d = parseDuration(v) else {
                    throw .invalidValue(flag: flag, value: v, reason: "expected a duration such as 500ms, 30s, 2m or 1h")
                }
                o.gracefulShutdownTimeout = d
            case "help", "h": o.helpRequested = true
            default: throw .unknownFlag(flag)
            }
        }
        return o
    }

    private static func nonEmpty(_ flag: String, _ v: String) throws(OptionsError) -> String {
        guard !v.isEmpty else { throw .invalidValue(flag: flag, value: v, reason: "must not be empty") }
        return v
    }

    private static func address(_ flag: String, _ v: String) throws(OptionsError) -> BindAddress? {
        do {
            return try BindAddress.parse(v)
        } catch {
            if case .invalidValue(_, let value, let reason) = error { throw .invalidValue(flag: flag, value: value, reason: reason) }
            throw error
        }
    }

    /// Go-style durations with one unit: "500ms", "30s", "2m", "1h".
    static func parseDuration(_ s: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where s.hasSuffix(suffix) {
            // Bounded like Go's durations (about 292 years): larger values would trap in Duration arithmetic.
            guard let n = Double(s.dropLast(suffix.count)), n >= 0, n.isFinite, n * scale <= 9.2e9 else { return nil }
            return .seconds(n * scale)
        }
        return nil
    }
}
