import Controller
import DevCluster
import Foundation
import JSON
import Kube
import Operator
import Policies

/// Cold-start convergence on DevCluster: N ContainerNetworkPolicies over M
/// namespaces (one Environment each) exist before the operator starts; the
/// figure is the time until every CNP is deployed and every status written,
/// and the exact writes it took (ideal: one CNP create per policy and one
/// status patch per object).
public enum ConvergenceBenchmark {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Parameters:
    ///   - ciliumCRD: the CiliumNetworkPolicy CRD to install; nil installs DevCluster's schemaless stand-in.
    ///   - timeout: give up (throw) when not converged by then.
    ///   - logger: the operator's log (disabled by default).
    /// - Returns: seconds from operator start to convergence, and the writes it made by
    ///   "verb resource" ("create ciliumnetworkpolicies", "patch environments/status"), plus "total".
    public static func run(policies: Int, namespaces: Int, ciliumCRD: JSONValue? = nil,
                           timeout: Duration = .seconds(300), logger: Logger = .disabled) async throws -> (seconds: Double, writes: [String: Int]) {
        guard policies >= 0, namespaces > 0 else { throw Failure(description: "need at least one namespace and no negative policy count") }
        let cluster = DevCluster()
        let endpoint = try await cluster.start()
        do {
            let result = try await measure(cluster, endpoint, policies: policies, namespaces: namespaces,
                                           ciliumCRD: ciliumCRD, timeout: timeout, logger: logger)
            await cluster.stop()
            return result
        } catch {
            await cluster.stop()
            throw error
        }
    }

    static func measure(_ cluster: DevCluster, _ endpoint: DevClusterEndpoint, policies: Int, namespaces: Int,
                        ciliumCRD: JSONValue?, timeout: Duration, logger: Logger) async throws -> (seconds: Double, writes: [String: Int]) {
        let client = try client(endpoint)
        for crd in CRDDefinitions.all + [ciliumCRD ?? StandInCiliumCRD.definition] {
            _ = try await client.create(.customResourceDefinitions, namespace: nil, crd)
        }
        let names = (0..<namespaces).map { "bench-\($0)" }
        for ns in names {
            _ = try await client.create(.namespaces, namespace: nil, ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(ns)]])
            _ = try await client.create(Resources.environments, namespace: ns, [
                "apiVersion": .string(PolicyMetadata.apiVersion), "kind": .string(PolicyMetadata.environmentKind),
                "metadata": ["name": "env"], "spec": [:],
            ])
        }
        for i in 0..<policies {
            let ns = names[i % namespaces]
            _ = try await client.create(Resources.policies, namespace: ns, [
                "apiVersion": .string(PolicyMetadata.apiVersion), "kind": .string(PolicyMetadata.policyKind),
                "metadata": ["name": .string("policy-\(i)")], "spec": spec(i),
            ])
        }

        cluster.resetRequestCounts()
        var options = OperatorOptions()
        options.manager.metricsBindAddress = nil
        options.manager.healthProbeBindAddress = nil
        let op = PolicyOperator(client: client, options: options, logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        try await op.start()
        let converged = await waitForConvergence(client, policies: policies, namespaces: namespaces,
                                                 deadline: start + timeout)
        let elapsed = clock.now - start
        await op.stop()
        guard converged else { throw Failure(description: "not converged within \(timeout)") }
        return (elapsed.seconds, writes(cluster))
    }

    /// Every policy Ready=True for its generation, every CNP present, every inventory complete.
    /// Polls with lists (reads), so the write counts stay the operator's own.
    static func waitForConvergence(_ client: KubeClient, policies: Int, namespaces: Int,
                                   deadline: ContinuousClock.Instant) async -> Bool {
        while ContinuousClock.now < deadline {
            if let done = try? await isConverged(client, policies: policies, namespaces: namespaces), done { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    static func isConverged(_ client: KubeClient, policies: Int, namespaces: Int) async throws -> Bool {
        let cnps = try await client.listAll(Resources.cnps, namespace: nil).items
        guard cnps.count == policies else { return false }
        let crs = try await client.listAll(Resources.policies, namespace: nil).items
        let ready = crs.allSatisfy { p in
            p[path: ["status", "observedGeneration"]] == p[path: ["metadata", "generation"]]
                && (p[path: ["status", "conditions"]]?.arrayValue ?? []).contains { $0["type"] == "Ready" && $0["status"] == "True" }
        }
        guard ready else { return false }
        let envs = try await client.listAll(Resources.environments, namespace: nil).items
        let deployed = envs.reduce(0) { $0 + Int($1[path: ["status", "policyInventory", "deployed"]]?.intValue ?? -1_000_000) }
        return envs.count == namespaces && deployed == policies
    }

    static func writes(_ cluster: DevCluster) -> [String: Int] {
        var out: [String: Int] = [:]
        let resources = ["ciliumnetworkpolicies", "containernetworkpolicies/status", "environments/status", "events",
                         "leases"]
        for verb in ["create", "update", "patch", "delete"] {
            for r in resources {
                let n = cluster.requestCount(verb: verb, resource: r)
                if n > 0 { out["\(verb) \(r)"] = n }
            }
            // Writes to the objects themselves (not their status): the operator should make none.
            for r in ["containernetworkpolicies", "environments"] {
                let n = cluster.requestCount(verb: verb, resource: r) - cluster.requestCount(verb: verb, resource: r + "/status")
                if n > 0 { out["\(verb) \(r)"] = n }
            }
        }
        out["total"] = out.values.reduce(0, +)
        return out
    }

    /// A mix of the three modes, as real namespaces hold.
    static func spec(_ i: Int) -> JSONValue {
        switch i % 3 {
        case 0:
            return ["predefined": .string(PredefinedCatalog.names[i / 3 % PredefinedCatalog.names.count])]
        case 1:
            return ["podSelector": ["app": .string("app-\(i)")],
                    "rules": [["direction": "inbound", "pods": ["app": "frontend"], "ports": [["port": 8080]]]]]
        default:
            return ["alert": true, "cilium": ["spec": [
                "endpointSelector": ["matchLabels": ["app": .string("app-\(i)")]],
                "egress": [["toEntities": ["world"], "toPorts": [["ports": [["port": "443", "protocol": "TCP"]]]]]],
            ]]]
        }
    }

    /// A client for DevCluster without client-side rate limiting: benchmarks measure the
    /// server and the operator, not the limiter.
    public static func client(_ endpoint: DevClusterEndpoint) throws -> KubeClient {
        guard let url = URL(string: endpoint.url) else { throw Failure(description: "bad DevCluster URL \(endpoint.url)") }
        var config = ClientConfiguration(server: url)
        config.certificateAuthorityPEM = Data(endpoint.caPEM.utf8)
        config.credentials = .bearerToken(endpoint.token)
        config.qps = 0
        return try KubeClient(config)
    }


    enum Resources {
        static let policies = GroupVersionResource(group: PolicyMetadata.group, version: PolicyMetadata.version, resource: "containernetworkpolicies")
        static let environments = GroupVersionResource(group: PolicyMetadata.group, version: PolicyMetadata.version, resource: "environments")
        static let cnps = GroupVersionResource(group: "cilium.io", version: "v2", resource: "ciliumnetworkpolicies")
    }
}
