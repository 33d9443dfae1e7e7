import Foundation

/// Where tests find the repository, the pinned kubectl and the shared reference data.
public enum TestPaths {
    /// The package root, derived from this file's location (Sources/TestSupport/TestPaths.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The kubectl the tests drive: $KUBECTL, else the pinned one in .tools/bin (hack/install-kubectl.sh).
    public static var kubectl: String {
        if let k = ProcessInfo.processInfo.environment["KUBECTL"], !k.isEmpty { return k }
        return packageRoot.appendingPathComponent(".tools/bin/kubectl").path
    }

    /// shared/reference beside the checkout (CI lays a copy of shared/ there), or beside
    /// a parent folder for checkouts in nested work trees.
    public static var sharedReference: URL {
        var dir = packageRoot
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            let candidate = dir.appendingPathComponent("shared/reference")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    }
}
