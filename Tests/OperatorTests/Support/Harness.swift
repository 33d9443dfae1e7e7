import Controller
import DevCluster
import Foundation
import JSON
import Kube
import Operator
import Policies
import TestSupport

/// A DevCluster with the threatmonitor.dev CRDs (and Cilium's, unless asked not
/// to), a client that records every API call, and a running PolicyOperator.
final class Harness: Sendable {
    let cluster: DevCluster
    let client: KubeClient
    let recorder: RequestRecorder
    let op: PolicyOperator
    let endpoint: DevClusterEndpoint

    static let policies = GroupVersionResource(group: "threatmonitor.dev", version: "v1alpha1", resource: "containernetworkpolicies")
    static let environments = GroupVersionResource(group: "threatmonitor.dev", version: "v1alpha1", resource: "environments")
    static let cnps = GroupVersionResource.ciliumNetworkPolicies

    private init(cluster: DevCluster, endpoint: DevClusterEndpoint, client: KubeClient, recorder: RequestRecorder, op: PolicyOperator) {
        self.cluster = cluster
        self.endpoint = endpoint
        self.client = client
        self.recorder = recorder
        self.op = op
    }

    /// Runs `body` against a fresh cluster and operator, and stops both whatever happens.
    static func with(cilium: Bool = true, namespaces: [String] = ["shop"], runOperator: Bool = true,
                     configure: (inout OperatorOptions) -> Void = { _ in },
                     _ body: (Harness) async throws -> Void) async throws {
        let cluster = DevCluster()
        let endpoint = try await cluster.start()
        let recorder = RequestRecorder()
        let client = try makeClient(endpoint, recorder: recorder)
        do {
            // Set up with an unrecorded client: only the operator's calls count.
            let admin = try makeClient(endpoint, recorder: nil)
            for crd in CRDDefinitions.all { _ = try await admin.create(.customResourceDefinitions, namespace: nil, crd) }
            if cilium { _ = try await admin.create(.customResourceDefinitions, namespace: nil, try CiliumSchema.crd()) }
            for ns in namespaces {
                _ = try await admin.create(.namespaces, namespace: nil, ["apiVersion": "v1", "kind": "Namespace",
                                                                          "metadata": ["name": .string(ns)]])
            }
        } catch {
            await cluster.stop()
            throw error
        }
        var options = OperatorOptions()
        options.manager.metricsBindAddress = nil
        options.manager.healthProbeBindAddress = nil
        options.manager.gracefulShutdownTimeout = .seconds(5)
        configure(&options)
        // OPERATOR_TEST_LOG=debug shows the operator's log when a test needs explaining.
        let level = ProcessInfo.processInfo.environment["OPERATOR_TEST_LOG"].flatMap(LogLevel.init(name:))
        let op = PolicyOperator(client: client, options: options, logger: level.map { Logger(level: $0) } ?? .disabled)
        let h = Harness(cluster: cluster, endpoint: endpoint, client: try makeClient(endpoint, recorder: nil),
                        recorder: recorder, op: op)
        do {
            if runOperator {
                try await op.start()
                guard await op.waitUntilReady(timeout: .seconds(20)) else { throw HarnessError.notReady }
            }
            try await body(h)
        } catch {
            await op.stop()
            await cluster.stop()
            throw error
        }
        await op.stop()
        await cluster.stop()
    }

    static func makeClient(_ endpoint: DevClusterEndpoint, recorder: RequestRecorder?) throws -> KubeClient {
        guard let url = URL(string: endpoint.url) else { throw HarnessError.badURL(endpoint.url) }
        var config = ClientConfiguration(server: url)
        config.certificateAuthorityPEM = Data(endpoint.caPEM.utf8)
        config.credentials = .bearerToken(endpoint.token)
        config.qps = 0
        config.recorder = recorder
        return try KubeClient(config)
    }

    enum HarnessError: Error, CustomStringConvertible {
        case notReady
        case badURL(String)
        case timeout(String)
        var description: String {
            switch self {
            case .notReady: return "the operator's caches did not sync within 20 s"
            case .badURL(let u): return "DevCluster URL \(u) does not parse"
            case .timeout(let what): return "timed out waiting for \(what)"
            }
        }
    }

    // MARK: - Helpers

    func createPolicy(_ name: String, namespace: String = "shop", spec: JSONValue) async throws {
        _ = try await client.create(Self.policies, namespace: namespace, [
            "apiVersion": "threatmonitor.dev/v1alpha1", "kind": "ContainerNetworkPolicy",
            "metadata": ["name": .string(name)], "spec": spec,
        ])
    }

    func patchPolicy(_ name: String, namespace: String = "shop", spec: JSONValue) async throws {
        _ = try await client.patch(Self.policies, namespace: namespace, name: name, .merge(["spec": spec]))
    }

    func get(_ r: GroupVersionResource, _ name: String, namespace: String = "shop") async throws -> JSONValue? {
        do { return try await client.get(r, namespace: namespace.isEmpty ? nil : namespace, name: name) } catch {
            if error.isNotFound { return nil }
            throw error
        }
    }

    /// Polls `read` until `check` holds (10 s at most) and returns the last value read.
    @discardableResult
    func wait(_ what: String, timeout: Duration = .seconds(10), _ read: () async throws -> JSONValue?,
              until check: (JSONValue) -> Bool) async throws -> JSONValue {
        var last: JSONValue?
        let ok = try await eventually(timeout: timeout, every: .milliseconds(25)) {
            last = try await read()
            return last.map(check) ?? false
        }
        guard ok, let last else { throw HarnessError.timeout("\(what); last seen: \(last.map { JSONWriter.string($0) } ?? "nothing")") }
        return last
    }

    @discardableResult
    func waitForCNP(_ name: String, namespace: String = "shop", until check: @escaping (JSONValue) -> Bool = { _ in true })
        async throws -> JSONValue {
        try await wait("CiliumNetworkPolicy \(namespace)/\(name)", { try await self.get(Self.cnps, name, namespace: namespace) },
                       until: check)
    }

    @discardableResult
    func waitForPolicy(_ name: String, namespace: String = "shop", until check: @escaping (JSONValue) -> Bool) async throws -> JSONValue {
        try await wait("ContainerNetworkPolicy \(namespace)/\(name)", { try await self.get(Self.policies, name, namespace: namespace) },
                       until: check)
    }

    /// Writes (create, update, patch, delete) the server has served so far.
    func writeCount() -> Int {
        ["create", "update", "patch", "delete", "deletecollection"].reduce(0) { $0 + cluster.requestCount(verb: $1) }
    }

    static let examples = TestPaths.packageRoot.appendingPathComponent("deploy/examples/shop.yaml")

    static func reason(_ object: JSONValue, _ type: String) -> String? { Objects.condition(object, type)?["reason"]?.stringValue }
}
