import Foundation

/// The pinned kubectl, run as a user would run it, with its own HOME and cache
/// directory (a shared ~/.kube/cache may be locked by concurrent runs).
public struct Kubectl: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let home: URL
    /// nil: no cluster (`kubectl kustomize`, `kubectl create --dry-run=client`, ...).
    public let kubeconfig: String?

    public init(kubeconfig: String? = nil) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        self.kubeconfig = kubeconfig
    }

    public func cleanUp() { try? FileManager.default.removeItem(at: home) }

    /// Runs `kubectl args...` whatever its exit status.
    public func result(_ args: [String], stdin: String? = nil, environment: [String: String] = [:],
                       timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        var env = environment
        env["HOME"] = home.path
        env["KUBECONFIG"] = kubeconfig ?? "/dev/null"
        let cache = ["--cache-dir", home.appendingPathComponent("cache").path]
        return try await Subprocess.run(TestPaths.kubectl, cache + args, environment: env, stdin: stdin, timeout: timeout)
    }

    /// Runs `kubectl args...`; throws with kubectl's stderr when it exits non-zero.
    @discardableResult
    public func run(_ args: String..., stdin: String? = nil, timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        let r = try await result(args, stdin: stdin, timeout: timeout)
        guard r.succeeded else {
            throw Failure(description: "kubectl \(args.joined(separator: " ")) exited \(r.status): \(r.stderr)")
        }
        return r
    }
}
