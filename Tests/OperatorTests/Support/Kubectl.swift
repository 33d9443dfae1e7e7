import Foundation
import TestSupport

extension Kubectl {
    /// kubectl against a Harness's in-process cluster, through a kubeconfig of its own.
    init(cluster harness: Harness) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("operator-kubeconfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("kubeconfig").path
        try harness.cluster.writeKubeconfig(to: path)
        try self.init(kubeconfig: path)
    }
}
