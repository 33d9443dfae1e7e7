import Foundation
import Testing

/// Golden files under Tests/PoliciesTests/Golden (and crds/): compared byte
/// for byte; `UPDATE_GOLDEN=1 swift test --filter PoliciesTests` rewrites them.
enum Golden {
    /// The package root, from this file's path (Tests/PoliciesTests/Support/Golden.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func goldenURL(_ relative: String) -> URL {
        packageRoot.appendingPathComponent("Tests/PoliciesTests/Golden").appendingPathComponent(relative)
    }

    /// Checks `actual` against the file at `url` (or writes it when updating).
    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if updating {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(url.path); run UPDATE_GOLDEN=1 swift test --filter PoliciesTests to create it",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(url.lastPathComponent) differs from the generated output: \(firstDifference(expected, actual)); if the change is intended, run UPDATE_GOLDEN=1 swift test --filter PoliciesTests and review git diff",
                         sourceLocation: sourceLocation)
        }
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<end of file>"
            let y = i < lb.count ? String(lb[i]) : "<end of output>"
            if x != y { return "line \(i + 1): expected \"\(x)\", generated \"\(y)\"" }
        }
        return "no line differs (trailing bytes)"
    }
}
