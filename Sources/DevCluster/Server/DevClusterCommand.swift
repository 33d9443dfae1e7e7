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
    // Catch the signals before anything starts, so an early Ctrl-C still stops cleanly.
    let signals = SignalWaiter(signals: [SIGINT, SIGTERM])
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
        signals.cancel()
        return 1
    }
    await signals.wait()
    print("dev-cluster: stopping")
    await cluster.stop()
    return 0
}

/// The self-pipe a signal handler writes to: created once, never changed (a C signal handler
/// cannot capture context, so it has to find the descriptor here).
private let signalPipe: (read: Int32, write: Int32) = {
    var fds: [Int32] = [-1, -1]
    _ = pipe(&fds)
    return (fds[0], fds[1])
}()

/// Catches `signals` from creation until `wait()` has seen one or `cancel()` is called. A real
/// sigaction handler (not a dispatch source, which only sees signals blocked on the thread that
/// created it) writes the signal number to a pipe that a GCD thread reads.
struct SignalWaiter {
    private let signals: [Int32]

    init(signals: [Int32]) {
        self.signals = signals
        _ = signalPipe
        for s in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                var byte = UInt8(truncatingIfNeeded: sig)
                _ = write(signalPipe.write, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(s, &action, nil)
        }
    }

    func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                var byte: UInt8 = 0
                while read(signalPipe.read, &byte, 1) < 0 && errno == EINTR {}
                c.resume()
            }
        }
        cancel()
    }

    func cancel() {
        for s in signals { signal(s, SIG_DFL) }
    }
}
