import DevCluster
import Foundation
import JSON
import Testing
import TestSupport
import YAML

/// `kubectl apply -k deploy/` with the real kubectl (its built-in kustomize) against DevCluster.
@Suite("deploy/ installs with kubectl apply -k", .serialized)
struct KustomizeInstallTests {
    let deploy = TestPaths.packageRoot.appendingPathComponent("deploy").path

    /// A cluster with Cilium's CRD (deploy/ ships a CiliumNetworkPolicy for the operator itself).
    func withCluster(_ body: (DevCluster, Kubectl) async throws -> Void) async throws {
        let cluster = DevCluster()
        try await cluster.start()
        let kubectl = try Kubectl(kubeconfig: FileManager.default.temporaryDirectory
            .appendingPathComponent("deploy-\(UUID().uuidString).kubeconfig").path)
        do {
            try cluster.writeKubeconfig(to: kubectl.kubeconfig ?? "")
            try await cluster.apply(manifests: JSONWriter.string(try CiliumCRDs.ciliumNetworkPolicy()))
            try await body(cluster, kubectl)
        } catch {
            await cluster.stop()
            kubectl.cleanUp()
            throw error
        }
        await cluster.stop()
        kubectl.cleanUp()
    }

    @Test("kustomize renders every object deploy/ promises")
    func renders() async throws {
        let kubectl = try Kubectl()
        defer { kubectl.cleanUp() }
        let docs = try YAML.parseAll(try await kubectl.run("kustomize", deploy).stdout)
        let kinds = Set(docs.compactMap { d -> String? in
            guard let k = d["kind"]?.stringValue, let n = d[path: ["metadata", "name"]]?.stringValue else { return nil }
            return "\(k)/\(n)"
        })
        for expected in ["Namespace/threat-monitor", "ServiceAccount/threat-monitor", "ClusterRole/threat-monitor",
                         "ClusterRoleBinding/threat-monitor", "Role/threat-monitor-leader-election",
                         "RoleBinding/threat-monitor-leader-election", "Deployment/threat-monitor",
                         "Service/threat-monitor-metrics", "PodDisruptionBudget/threat-monitor",
                         "CiliumNetworkPolicy/threat-monitor",
                         "CustomResourceDefinition/containernetworkpolicies.threatmonitor.dev",
                         "CustomResourceDefinition/environments.threatmonitor.dev"] {
            #expect(kinds.contains(expected), "kustomize output lacks \(expected): \(kinds.sorted())")
        }
        let deployment = try #require(docs.first { $0["kind"] == "Deployment" })
        let pod = try #require(deployment[path: ["spec", "template", "spec"]])
        #expect(deployment[path: ["spec", "replicas"]] == 2)
        #expect(pod[path: ["securityContext", "runAsNonRoot"]] == true)
        #expect(pod[path: ["securityContext", "seccompProfile", "type"]] == "RuntimeDefault")
        let container = try #require(pod["containers"]?[0])
        #expect(container[path: ["securityContext", "readOnlyRootFilesystem"]] == true)
        #expect(container[path: ["securityContext", "allowPrivilegeEscalation"]] == false)
        #expect(container[path: ["securityContext", "capabilities", "drop"]] == ["ALL"])
        #expect(container["args"]?.arrayValue?.contains("--leader-elect") == true)
        #expect(container[path: ["livenessProbe", "httpGet", "path"]] == "/healthz")
        #expect(container[path: ["readinessProbe", "httpGet", "path"]] == "/readyz")
        #expect(container[path: ["resources", "limits", "memory"]] != nil)

        // The optional component, as an overlay would use it.
        let overlay = kubectl.home.appendingPathComponent("overlay")
        try FileManager.default.createDirectory(at: overlay, withIntermediateDirectories: true)
        // kustomize wants relative paths to other kustomizations.
        let up = String(repeating: "../", count: overlay.standardizedFileURL.pathComponents.count - 1)
        let base = up + deploy.drop { $0 == "/" }
        try """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: [\(base)]
            components: [\(base)/components/servicemonitor]
            """.write(to: overlay.appendingPathComponent("kustomization.yaml"), atomically: true, encoding: .utf8)
        let withMonitor = try YAML.parseAll(try await kubectl.run("kustomize", overlay.path).stdout)
        let monitor = try #require(withMonitor.first { $0["kind"] == "ServiceMonitor" })
        #expect(monitor[path: ["metadata", "namespace"]] == "threat-monitor")
        #expect(monitor[path: ["spec", "endpoints"]]?[0]?["port"] == "metrics")
    }

    @Test("--dry-run=server succeeds and writes nothing; then the real apply installs everything")
    func dryRunThenApply() async throws {
        try await withCluster { cluster, kubectl in
            // As on a real cluster, a server-side dry run of namespaced objects needs their
            // namespace to exist already (kube-apiserver answers NotFound otherwise).
            try await cluster.apply(manifests: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: threat-monitor\n")
            let before = cluster.resourceVersion
            let dry = try await kubectl.run("apply", "--dry-run=server", "-k", deploy)
            #expect(dry.stdout.contains("deployment.apps/threat-monitor created (server dry run)"), "\(dry.stdout)")
            #expect(dry.stdout.contains("clusterrole.rbac.authorization.k8s.io/threat-monitor created (server dry run)"))
            #expect(dry.stdout.contains("ciliumnetworkpolicy.cilium.io/threat-monitor created (server dry run)"))
            #expect(cluster.resourceVersion == before, "a dry run must not change anything")
            let missing = try await kubectl.result(["get", "deployment", "threat-monitor", "-n", "threat-monitor"])
            #expect(!missing.succeeded && missing.stderr.contains("NotFound"), "\(missing.stdout)\(missing.stderr)")

            let applied = try await kubectl.run("apply", "-k", deploy)
            #expect(applied.stdout.contains("deployment.apps/threat-monitor created"), "\(applied.stdout)")
            let crds = try await kubectl.run("get", "crd", "-o", "name")
            #expect(crds.stdout.contains("containernetworkpolicies.threatmonitor.dev"))
            let again = try await kubectl.run("apply", "-k", deploy)
            #expect(again.stdout.contains("deployment.apps/threat-monitor unchanged"), "\(again.stdout)")
        }
    }
}
