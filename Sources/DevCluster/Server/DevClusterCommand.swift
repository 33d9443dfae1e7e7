import Dispatch
import Foundation

/// `threat-monitor dev-cluster [--port N] [--kubeconfig-out PATH]`: serves until SIGINT/SIGTERM.
/// Returns the process exit code (0 after a clean stop, 1 when it cannot start, 2 on bad usage).
public func runDevClusterCommand(arguments: [String]) async -> Int32 {
    let usage = "usage: threat-monitor dev-cluster [--port N] [--kubeconfig-out PATH]"
    var options = DevClusterOptions()
    var kubeconfigPath = "dev.kubeconfig"
    var i = 0
    while i < arguments.count {
        let arg = arguments[i]
        func value() -> String? {
            if let eq = arg.firstIndex(of: "=") { return String(arg[arg.index(after: eq)...]) }
            i += 1
            return i < arguments.count ? arguments[i] : nil
        }
        switch arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg {
        case "--port":
            guard let v = value(), let p = Int(v), (0...65535).contains(p) else {
                FileHandle.standardError.write(Data("dev-cluster: --port needs a number from 0 to 65535\n\(usage)\n".utf8))
                return 2
            }
            options.port = p
        case "--kubeconfig-out":
            guard let v = value(), !v.isEmpty else {
                FileHandle.standardError.write(Data("dev-cluster: --kubeconfig-out needs a path\n\(usage)\n".utf8))
                return 2
            }
            kubeconfigPath = v
        case "-h", "--help":
            print(usage)
            return 0
        default:
            FileHandle.standardError.write(Data("dev-cluster: unknown argument \(arg)\n\(usage)\n".utf8))
            return 2
        }
        i += 1
    }
    let cluster = DevCluster(options: options)
    do {
        let endpoint = try await cluster.start()
        try cluster.writeKubeconfig(to: kubeconfigPath)
        print("dev-cluster: serving \(endpoint.url)")
        print("dev-cluster: kubeconfig written to \(kubeconfigPath)")
        print("  export KUBECONFIG=\(kubeconfigPath); kubectl api-resources")
        print("dev-cluster: Ctrl-C stops it (state is in memory only)")
    } catch {
        FileHandle.standardError.write(Data("dev-cluster: \(error)\n".utf8))
        return 1
    }
    await SignalWaiter.wait(for: [SIGINT, SIGTERM])
    print("dev-cluster: stopping")
    await cluster.stop()
    return 0
}

/// Suspends until one of `signals` arrives (the default handlers are replaced meanwhile).
enum SignalWaiter {
    static func wait(for signals: [Int32]) async {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        var sources: [DispatchSourceSignal] = []
        for s in signals {
            signal(s, SIG_IGN)
            let src = DispatchSource.makeSignalSource(signal: s, queue: .global())
            src.setEventHandler { continuation.yield(s) }
            src.resume()
            sources.append(src)
        }
        for await _ in stream { break }
        for src in sources { src.cancel() }
        for s in signals { signal(s, SIG_DFL) }
    }
}
