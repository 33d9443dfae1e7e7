import Foundation
import TestSupport

/// Runs the pinned kubectl against a Harness's cluster. Output goes to files, not
/// pipes: blocking pipe reads would occupy the few cooperative threads the
/// in-process API server needs to answer kubectl (a deadlock on a 2-core machine).
struct Kubectl {
    let dir: URL

    init(cluster harness: Harness) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("operator-kubectl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try harness.cluster.writeKubeconfig(to: dir.appendingPathComponent("kubeconfig").path)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: dir) }

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Own HOME and cache dir: a shared ~/.kube/cache may be locked by other kubectl runs.
    func run(_ args: String..., timeout: Duration = .seconds(30)) async throws -> Result {
        let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPaths.kubectl)
        p.arguments = ["--kubeconfig", dir.appendingPathComponent("kubeconfig").path,
                       "--cache-dir", dir.appendingPathComponent("cache").path] + args
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = dir.path
        env["KUBECONFIG"] = nil
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        let deadline = ContinuousClock.now + timeout
        while p.isRunning {
            if ContinuousClock.now > deadline {
                p.terminate()
                throw Failure(description: "kubectl \(args.joined(separator: " ")) timed out")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let result = Result(status: p.terminationStatus,
                                   stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                                   stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        guard result.status == 0 else {
            throw Failure(description: "kubectl \(args.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result
    }
}
