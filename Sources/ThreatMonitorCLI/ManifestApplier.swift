import Foundation
import JSON
import Kube
import YAML

/// Applies a multi-document manifest as `kubectl apply --server-side` does:
/// discovery maps each kind to its resource, server-side apply creates or
/// merges. CRDs go first so the objects that use them can follow.
struct ManifestApplier {
    let client: KubeClient
    let fieldManager: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Returns "kind/name" for every object applied, in order.
    @discardableResult
    func apply(_ text: String, source: String) async throws -> [String] {
        let documents: [JSONValue]
        do { documents = try YAML.parseAll(text) } catch {
            throw Failure(description: "\(source): \(error)")
        }
        let ordered = documents.filter { $0["kind"] == "CustomResourceDefinition" }
            + documents.filter { $0["kind"] != "CustomResourceDefinition" }
        var applied: [String] = []
        for (n, object) in ordered.enumerated() {
            guard let kind = object["kind"]?.stringValue, let apiVersion = object["apiVersion"]?.stringValue,
                  let name = object[path: ["metadata", "name"]]?.stringValue else {
                throw Failure(description: "\(source): document \(n + 1) needs apiVersion, kind and metadata.name")
            }
            do {
                let resource = try await client.resource(forKind: kind, apiVersion: apiVersion)
                let namespace = resource.namespaced ? (object[path: ["metadata", "namespace"]]?.stringValue ?? "default") : nil
                _ = try await client.patch(resource.gvr, namespace: namespace, name: name,
                                           .apply(object, fieldManager: fieldManager, force: true))
            } catch {
                throw Failure(description: "\(source): applying \(kind) \(name): \(error)")
            }
            applied.append("\(kind.lowercased())/\(name)")
        }
        return applied
    }
}
