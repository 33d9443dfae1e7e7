import Foundation

/// Runs the pinned kubectl ($KUBECTL, else .tools/bin/kubectl) for commands
/// that need no cluster, with a deadline so a stuck process fails the test.
enum Kubectl {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static var path: String {
        if let k = ProcessInfo.processInfo.environment["KUBECTL"], !k.isEmpty { return k }
        return Golden.packageRoot.appendingPathComponent(".tools/bin/kubectl").path
    }

    /// stdout of `kubectl args...`; throws on a non-zero exit or after `timeout` seconds.
    static func run(_ args: [String], timeout: Double = 30) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policies-kubectl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Files, not pipes: output larger than a pipe buffer cannot block the child.
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.environment = ["KUBECONFIG": "/dev/null", "HOME": dir.path, "PATH": "/usr/bin:/bin"]
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        try p.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            p.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw Failure(description: "kubectl \(args.joined(separator: " ")) did not finish in \(Int(timeout)) s")
        }
        let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        guard p.terminationStatus == 0 else {
            let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            throw Failure(description: "kubectl \(args.joined(separator: " ")) exited \(p.terminationStatus): \(stderr)")
        }
        return stdout
    }
}
