import Controller
import DevCluster
import Foundation
import JSON
import Kube
import Operator
import Policies

/// `threat-monitor demo`: DevCluster in process, the project's CRDs and a
/// CiliumNetworkPolicy CRD, the example shop from deploy/examples, and the
/// operator reconciling it; kubectl points at it through demo.kubeconfig.
enum DemoCommand {
    struct Flags: Equatable {
        var port = 0
        var kubeconfigOut = "demo.kubeconfig"
        var examples: String?
        var healthAddress = "127.0.0.1:8081"
        var metricsAddress = "127.0.0.1:8080"
        var logLevel = "info"
    }

    static let usage = """
        Usage: threat-monitor demo [flags]

        Starts a local Kubernetes API server, registers the threat-monitor CRDs and a
        CiliumNetworkPolicy CRD, applies the example manifests and runs the operator.
        Ctrl-C stops everything (the demo keeps no state).

        Flags:
          --port N                        API server port (0: a free one)          [0]
          --kubeconfig-out PATH           where to write the kubeconfig           [demo.kubeconfig]
          --examples DIR                  manifests to apply                     [deploy/examples]
          --health-probe-bind-address A   /healthz and /readyz                    [127.0.0.1:8081]
          --metrics-bind-address A        /metrics                                [127.0.0.1:8080]
          --log-level L                   debug, info, warning, error             [info]
        """

    static func run(_ arguments: [String]) async -> Int32 {
        let flags: Flags
        switch parse(arguments) {
        case .flags(let f): flags = f
        case .help:
            print(usage)
            return 0
        case .invalid(let message):
            FileHandle.standardError.write(Data("threat-monitor demo: \(message)\n\n\(usage)\n".utf8))
            return 2
        }
        do {
            return try await runDemo(flags)
        } catch {
            FileHandle.standardError.write(Data("threat-monitor demo: \(error)\n".utf8))
            return 1
        }
    }

    static func runDemo(_ flags: Flags) async throws -> Int32 {
        guard let examplesDir = flags.examples ?? locateExamples() else {
            throw DemoError("cannot find deploy/examples; run from the repository root or pass --examples DIR")
        }
        let cluster = DevCluster(options: DevClusterOptions(port: flags.port))
        let endpoint = try await cluster.start()
        try cluster.writeKubeconfig(to: flags.kubeconfigOut)
        say("API server at \(endpoint.url); kubeconfig written to \(flags.kubeconfigOut)")

        var runOptions = OperatorOptions()
        runOptions.manager.kubeconfig = flags.kubeconfigOut
        runOptions.manager.healthProbeBindAddress = try BindAddress.parse(flags.healthAddress)
        runOptions.manager.metricsBindAddress = try BindAddress.parse(flags.metricsAddress)
        guard let level = LogLevel(name: flags.logLevel) else {
            throw DemoError("--log-level: unknown level \(flags.logLevel); use debug, info, warning or error")
        }
        runOptions.manager.logLevel = level
        let client = try KubeClient(try ClientConfiguration.load(kubeconfigPath: flags.kubeconfigOut))
        let applier = ManifestApplier(client: client, fieldManager: "threat-monitor-demo")

        let crds = ([StandInCiliumCRD.definition] + CRDDefinitions.all).map { JSONWriter.string($0) }.joined(separator: "\n---\n")
        try await applier.apply(crds, source: "built-in CRDs")
        say("registered CRDs: containernetworkpolicies.threatmonitor.dev, environments.threatmonitor.dev, ciliumnetworkpolicies.cilium.io")

        let logger = Logger(level: runOptions.manager.logLevel, format: runOptions.manager.logFormat)
        let op = PolicyOperator(client: client, options: runOptions, logger: logger)
        try await op.start()

        let files = try FileManager.default.contentsOfDirectory(atPath: examplesDir)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        for file in files {
            let path = (examplesDir as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw DemoError("cannot read \(path)")
            }
            let applied = try await applier.apply(text, source: path)
            say("applied \(path): \(applied.count) objects")
        }

        guard await op.waitUntilReady(timeout: .seconds(30)) else {
            throw DemoError("the operator did not become ready within 30 s")
        }
        let deployed = try await waitForPolicies(client: client, timeout: .seconds(30))
        printHints(flags)
        // Last, so that whoever waits for "ready" has everything above it.
        say("ready: \(deployed) ContainerNetworkPolicies reconciled into CiliumNetworkPolicies")

        // The operator's own signal handling (a second Ctrl-C exits at once).
        let (signals, received) = AsyncStream<Int32>.makeStream()
        let handler = SignalHandler { received.yield($0) }
        var signal = SIGTERM
        for await s in signals { signal = s; break }
        withExtendedLifetime(handler) {}
        say("received \(signal == SIGINT ? "SIGINT" : "SIGTERM"), stopping")
        await op.stop()
        await cluster.stop()
        try? FileManager.default.removeItem(atPath: flags.kubeconfigOut)
        say("stopped")
        return 0
    }

    /// Waits until every ContainerNetworkPolicy has its CiliumNetworkPolicy; returns how many.
    static func waitForPolicies(client: KubeClient, timeout: Duration) async throws -> Int {
        let ctnp = GroupVersionResource(group: "threatmonitor.dev", version: "v1alpha1", resource: "containernetworkpolicies")
        let cnp = GroupVersionResource(group: "cilium.io", version: "v2", resource: "ciliumnetworkpolicies")
        let deadline = ContinuousClock.now + timeout
        while true {
            let wanted = try await client.listAll(ctnp, namespace: nil).items.compactMap(key)
            let have = Set(try await client.listAll(cnp, namespace: nil).items.compactMap(key))
            let missing = wanted.filter { !have.contains($0) }
            if missing.isEmpty { return wanted.count }
            if ContinuousClock.now > deadline {
                throw DemoError("not reconciled within \(timeout): \(missing.joined(separator: ", "))")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    static func key(_ object: JSONValue) -> String? {
        guard let ns = object[path: ["metadata", "namespace"]]?.stringValue,
              let name = object[path: ["metadata", "name"]]?.stringValue else { return nil }
        return "\(ns)/\(name)"
    }

    static func printHints(_ flags: Flags) {
        let k = "KUBECONFIG=\(flags.kubeconfigOut) kubectl"
        write("""

            Look around (in another terminal, from this directory):
              \(k) get threatmonitor -A
              \(k) get containernetworkpolicies -n shop
              \(k) get ciliumnetworkpolicies -n shop
              \(k) get environment shop -n shop -o yaml
              \(k) explain containernetworkpolicy.spec.rules

            Toggle a policy and watch the CiliumNetworkPolicy's selector change:
              \(k) patch ctnp frontend-inbound-http -n shop --type=merge -p '{"spec":{"enabled":false}}'
              \(k) get cnp frontend-inbound-http -n shop -o jsonpath='{.spec.endpointSelector}'

            Edit a rendered policy by hand and see it put back (and the Event saying so):
              \(k) patch cnp api-to-database -n shop --type=merge -p '{"spec":{"ingress":[{}]}}'
              \(k) get events -n shop

            Health and metrics: curl http://\(flags.healthAddress)/readyz  curl http://\(flags.metricsAddress)/metrics
            Ctrl-C stops the demo.

            """)
    }

    static func say(_ s: String) { write("threat-monitor demo: \(s)\n") }

    /// Unbuffered, so a pipe (a test, `tee`) sees each line as it happens.
    static func write(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }

    /// deploy/examples from the working directory, else near the executable (.build/<config>/).
    static func locateExamples() -> String? {
        let fm = FileManager.default
        var candidates = [fm.currentDirectoryPath]
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.path)
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates {
            let p = (c as NSString).appendingPathComponent("deploy/examples")
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue { return p }
        }
        return nil
    }

    enum ParseOutcome: Equatable {
        case flags(Flags)
        case help
        case invalid(String)
    }

    static func parse(_ args: [String]) -> ParseOutcome {
        var f = Flags()
        var i = 0
        while i < args.count {
            var arg = args[i]
            var value: String?
            if let eq = arg.firstIndex(of: "="), arg.hasPrefix("--") {
                value = String(arg[arg.index(after: eq)...])
                arg = String(arg[..<eq])
            }
            if arg == "-h" || arg == "--help" { return .help }
            func next() -> String? {
                if let value { return value }
                i += 1
                return i < args.count ? args[i] : nil
            }
            switch arg {
            case "--port":
                guard let v = next(), let p = Int(v), (0...65535).contains(p) else { return .invalid("--port needs a number from 0 to 65535") }
                f.port = p
            case "--kubeconfig-out":
                guard let v = next(), !v.isEmpty else { return .invalid("--kubeconfig-out needs a path") }
                f.kubeconfigOut = v
            case "--examples":
                guard let v = next(), !v.isEmpty else { return .invalid("--examples needs a directory") }
                f.examples = v
            case "--health-probe-bind-address":
                guard let v = next() else { return .invalid("--health-probe-bind-address needs HOST:PORT") }
                f.healthAddress = v
            case "--metrics-bind-address":
                guard let v = next() else { return .invalid("--metrics-bind-address needs HOST:PORT") }
                f.metricsAddress = v
            case "--log-level":
                guard let v = next() else { return .invalid("--log-level needs a level") }
                f.logLevel = v
            default:
                return .invalid("unknown flag \(arg)")
            }
            i += 1
        }
        return .flags(f)
    }
}

struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
