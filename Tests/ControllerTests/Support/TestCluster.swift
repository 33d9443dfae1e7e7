import DevCluster
import Foundation
import JSON
import Kube
@testable import Controller

/// A DevCluster for one test, with helpers to build clients and compare state.
struct TestCluster {
    let cluster: DevCluster
    let endpoint: DevClusterEndpoint
    let namespace: String

    static func start(namespace: String = "test", options: DevClusterOptions = DevClusterOptions(bookmarkInterval: .milliseconds(500)))
        async throws -> TestCluster {
        let c = DevCluster(options: options)
        let e = try await c.start()
        let t = TestCluster(cluster: c, endpoint: e, namespace: namespace)
        try await createNamespace(try t.client(), namespace)
        return t
    }

    /// Client settings for this cluster; retries kept short so fault tests stay fast.
    func configuration(recorder: RequestRecorder? = nil) throws -> ClientConfiguration {
        guard let url = URL(string: endpoint.url) else { throw TimedOut(what: "bad endpoint \(endpoint.url)") }
        var c = ClientConfiguration(server: url)
        c.certificateAuthorityPEM = Data(endpoint.caPEM.utf8)
        c.credentials = .bearerToken(endpoint.token)
        c.namespace = namespace
        c.qps = 0
        c.retryBaseDelay = .milliseconds(20)
        c.maxRetries = 3
        c.timeout = .seconds(10)
        c.recorder = recorder
        return c
    }

    func client(recorder: RequestRecorder? = nil) throws -> KubeClient { try KubeClient(configuration(recorder: recorder)) }

    func stop() async { await cluster.stop() }
}

/// Informer timings for tests: fast backoff so fault recovery takes milliseconds.
var fastInformer: InformerConfiguration {
    var c = InformerConfiguration()
    c.backoff = ReflectorBackoff(backoff: ExponentialBackoff(initial: .milliseconds(20), maximum: .milliseconds(500), jitter: 1),
                                 resetAfter: .seconds(120))
    c.minimumWatchDuration = .milliseconds(50)
    return c
}

func configMap(_ ns: String, _ name: String, value: String, labels: [String: String] = [:]) -> JSONValue {
    var meta: JSONValue = ["name": .string(name), "namespace": .string(ns)]
    if !labels.isEmpty {
        var l = JSONObject()
        for (k, v) in labels.sorted(by: { $0.key < $1.key }) { l[k] = .string(v) }
        meta["labels"] = .object(l)
    }
    return ["apiVersion": "v1", "kind": "ConfigMap", "metadata": meta, "data": ["value": .string(value)]]
}

/// Retries a write the fault injector may fail; gives up after `attempts`.
@discardableResult
func persist<T: Sendable>(attempts: Int = 50, _ body: @Sendable () async throws(KubeError) -> T) async throws -> T {
    var last: KubeError?
    for _ in 0..<attempts {
        do { return try await body() } catch {
            // A retried create may have landed the first time.
            if error.isAlreadyExists || error.isNotFound { throw error }
            last = error
            try await Task.sleep(for: .milliseconds(10))
        }
    }
    throw last ?? KubeError.timeout("persist")
}

/// name -> resourceVersion of what the server has, and of what the cache has.
func snapshot(server client: KubeClient, _ r: GroupVersionResource, namespace: String) async throws -> [String: String] {
    let list = try await persist { () throws(KubeError) in try await client.listAll(r, namespace: namespace) }
    return rvMap(list.items)
}

func rvMap(_ items: [JSONValue]) -> [String: String] {
    var out: [String: String] = [:]
    for o in items {
        if let n = o[path: ["metadata", "name"]]?.stringValue { out[n] = o[path: ["metadata", "resourceVersion"]]?.stringValue ?? "" }
    }
    return out
}

/// Waits until the informer's cache equals the server's list (names and resourceVersions).
func expectConverged(_ informer: Informer, server client: KubeClient, namespace: String,
                     _ limit: Duration = .seconds(20)) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: limit)
    var lastServer: [String: String] = [:], lastCache: [String: String] = [:]
    while clock.now < deadline {
        lastServer = try await snapshot(server: client, informer.resource, namespace: namespace)
        lastCache = rvMap(informer.cache.list(namespace: namespace))
        if lastServer == lastCache { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    let missing = Set(lastServer.keys).subtracting(lastCache.keys).sorted()
    let extra = Set(lastCache.keys).subtracting(lastServer.keys).sorted()
    throw TimedOut(what: "cache did not converge: missing \(missing), not deleted \(extra)")
}

/// Creates an object; one that already exists is left as it is.
func createIfAbsent(_ client: KubeClient, namespace: String, _ object: JSONValue) async throws {
    do {
        _ = try await client.create(.configMaps, namespace: namespace, object)
    } catch {
        guard error.isAlreadyExists else { throw error }
    }
}

func createNamespace(_ client: KubeClient, _ name: String) async throws {
    do {
        _ = try await client.create(.namespaces, namespace: nil, ["apiVersion": "v1", "kind": "Namespace",
                                                                   "metadata": ["name": .string(name)]])
    } catch {
        guard error.isAlreadyExists else { throw error }
    }
}
