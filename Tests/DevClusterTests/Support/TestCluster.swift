import Foundation
import TestSupport
import JSON
@testable import DevCluster

/// A started DevCluster plus a scratch directory holding its kubeconfig, CA and kubectl's cache.
struct TestCluster: Sendable {
    let cluster: DevCluster
    let endpoint: DevClusterEndpoint
    let dir: String

    static func start(_ options: DevClusterOptions = .init()) async throws -> TestCluster {
        let cluster = DevCluster(options: options)
        let endpoint = try await cluster.start()
        let dir = NSTemporaryDirectory() + "devcluster-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try cluster.writeKubeconfig(to: dir + "/kubeconfig")
        try endpoint.caPEM.write(toFile: dir + "/ca.pem", atomically: true, encoding: .utf8)
        return TestCluster(cluster: cluster, endpoint: endpoint, dir: dir)
    }

    func stop() async {
        await cluster.stop()
        try? FileManager.default.removeItem(atPath: dir)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: kubectl

    /// Runs the real kubectl against this cluster.
    func kubectl(_ args: String..., stdin: String? = nil, env: [String: String] = [:],
                 timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        try await kubectl(args: args, stdin: stdin, env: env, timeout: timeout)
    }

    func kubectl(args: [String], stdin: String? = nil, env: [String: String] = [:],
                 timeout: Duration = .seconds(60)) async throws -> ProcessResult {
        var e = env
        e["KUBECONFIG"] = dir + "/kubeconfig"
        e["HOME"] = dir
        return try await Subprocess.run(TestPaths.kubectl, ["--cache-dir", dir + "/cache"] + args, environment: e,
                                           stdin: stdin, timeout: timeout)
    }

    // MARK: raw HTTP (curl: URLSession on Linux cannot trust a custom CA)

    struct HTTPResult: Sendable {
        var status: Int
        var body: String
        var headers: String
        var json: JSONValue? { try? JSONParser.parse(body) }
    }

    func request(_ method: String, _ path: String, body: String? = nil, contentType: String = "application/json",
                 headers: [String] = [], token: String? = nil, maxTime: Int = 30) async throws -> HTTPResult {
        var args = ["-sS", "--cacert", dir + "/ca.pem", "-X", method, "--max-time", String(maxTime),
                    "-D", "-", "-o", "-", "-w", "\n%{http_code}",
                    "-H", "Authorization: Bearer \(token ?? endpoint.token)"]
        for h in headers { args += ["-H", h] }
        if body != nil { args += ["-H", "Content-Type: \(contentType)", "--data-binary", "@-"] }
        args.append(endpoint.url + path)
        let r = try await Subprocess.run("/usr/bin/curl", args, stdin: body, timeout: .seconds(maxTime + 5))
        var text = r.stdout
        var status = 0
        if let nl = text.lastIndex(of: "\n") {
            status = Int(text[text.index(after: nl)...]) ?? 0
            text = String(text[..<nl])
        }
        // Headers end at the first blank line.
        let parts = text.components(separatedBy: "\r\n\r\n")
        return HTTPResult(status: status, body: parts.dropFirst().joined(separator: "\r\n\r\n"), headers: parts.first ?? "")
    }
}

/// Shared fixtures: a small CRD used across suites.
enum Fixtures {
    static let widgetCRD = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd], categories: [things]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            selectableFields:
            - jsonPath: .spec.color
            additionalPrinterColumns:
            - {name: Color, type: string, jsonPath: .spec.color}
            - {name: Replicas, type: integer, jsonPath: .spec.replicas}
            - {name: State, type: string, jsonPath: .status.state}
            schema:
              openAPIV3Schema:
                type: object
                description: A Widget is a test object.
                properties:
                  spec:
                    type: object
                    description: Spec is what the user wants.
                    required: [color]
                    properties:
                      color: {type: string, enum: [red, green, blue], description: The colour of the widget.}
                      replicas: {type: integer, minimum: 0, maximum: 10, default: 1}
                      size: {x-kubernetes-int-or-string: true}
                      tags: {type: array, maxItems: 3, items: {type: string}}
                  status:
                    type: object
                    properties:
                      state: {type: string, enum: [Unreviewed, InReview, Resolved]}
        """

    static func widget(_ name: String, color: String = "red", replicas: Int = 2, labels: [String: String] = [:]) -> String {
        let l = labels.isEmpty ? "" : "\n  labels: {" + labels.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        return """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: \(name)\(l)
            spec: {color: \(color), replicas: \(replicas)}
            """
    }
}
