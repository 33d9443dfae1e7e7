import Foundation
import JSON
import Kube
import Testing
import TestSupport
import YAML

@Suite("Golden CNPs are accepted by Cilium's schema (fieldValidation=Strict)", .timeLimit(.minutes(2)))
struct GoldenSchemaTests {
    static let goldenDirectories = ["Tests/PoliciesTests/Golden/catalog", "Tests/PoliciesTests/Golden/rules"]

    static func goldenFiles() throws -> [URL] {
        try goldenDirectories.flatMap { dir in
            let url = TestPaths.packageRoot.appendingPathComponent(dir)
            return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.lastPathComponent.hasSuffix(".cnp.yaml") }
        }.sorted { $0.path < $1.path }
    }

    @Test func everyGoldenCNPIsCreatedStrictly() async throws {
        let files = try Self.goldenFiles()
        // Every catalog policy and at least 25 Rule-mode examples.
        #expect(files.filter { $0.path.contains("/catalog/") }.count >= 8)
        #expect(files.filter { $0.path.contains("/rules/") }.count >= 25)
        try await Harness.with(namespaces: [], runOperator: false) { h in
            var namespaces = Set<String>()
            for file in files {
                var cnp = try YAML.parse(String(contentsOf: file, encoding: .utf8))
                let ns = cnp[path: ["metadata", "namespace"]]?.stringValue ?? "default"
                if namespaces.insert(ns).inserted, try await h.get(.namespaces, ns, namespace: "") == nil {
                    _ = try await h.client.create(.namespaces, namespace: nil, ["apiVersion": "v1", "kind": "Namespace",
                                                                                 "metadata": ["name": .string(ns)]])
                }
                // Each golden reuses a policy name; the file name keeps them apart here.
                cnp[path: ["metadata", "name"]] = .string(file.deletingPathExtension().deletingPathExtension().lastPathComponent)
                cnp[path: ["metadata", "ownerReferences"]] = nil
                do {
                    _ = try await h.client.create(Harness.cnps, namespace: ns, cnp, options: WriteOptions(fieldValidation: .strict))
                } catch {
                    Issue.record("\(file.lastPathComponent) rejected: \(error)")
                }
            }
            // The check has teeth: an unknown field is refused under Strict.
            var bogus = Objects.cnp("bogus", namespace: "default")
            bogus[path: ["spec", "ingress"]] = [["fromEntities": ["world"], "fromNowhere": true]]
            if try await h.get(.namespaces, "default", namespace: "") == nil {
                _ = try await h.client.create(.namespaces, namespace: nil, ["apiVersion": "v1", "kind": "Namespace",
                                                                             "metadata": ["name": "default"]])
            }
            await #expect(throws: KubeError.self) {
                _ = try await h.client.create(Harness.cnps, namespace: "default", bogus, options: WriteOptions(fieldValidation: .strict))
            }
        }
    }
}
