import Foundation
import JSON
import YAML

extension DevCluster {
    /// Creates or updates every object in a YAML (or JSON) stream, CustomResourceDefinitions
    /// first so the objects that use them find their type. `List` documents are flattened.
    public func apply(manifests: String) async throws {
        let docs: [JSONValue]
        do throws(YAMLError) {
            docs = try YAML.parseAll(manifests)
        } catch {
            throw DevClusterError.manifest(index: 0, reason: error.description)
        }
        var objects: [(index: Int, object: JSONValue)] = []
        for (i, d) in docs.enumerated() where !d.isNull {
            if d["kind"]?.stringValue == "List" {
                for item in d["items"]?.arrayValue ?? [] { objects.append((i, item)) }
            } else {
                objects.append((i, d))
            }
        }
        let isCRD: (JSONValue) -> Bool = { $0["kind"]?.stringValue == "CustomResourceDefinition" }
        for (i, obj) in objects.filter({ isCRD($0.object) }) + objects.filter({ !isCRD($0.object) }) {
            do throws(APIError) {
                try applyOne(obj)
            } catch {
                throw DevClusterError.manifest(index: i, reason: error.message)
            }
        }
    }

    private func applyOne(_ obj: JSONValue) throws(APIError) {
        let apiVersion = obj["apiVersion"]?.stringValue ?? ""
        let kind = obj["kind"]?.stringValue ?? ""
        let parts = apiVersion.split(separator: "/").map(String.init)
        let (group, version) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts.first ?? "")
        guard let t = store.types.first(where: { $0.group == group && $0.version == version && $0.kind == kind }) else {
            throw .badRequest("no matches for kind \"\(kind)\" in version \"\(apiVersion)\"; ensure CRDs are installed first")
        }
        let ns: String? = t.namespaced ? (obj.metaNamespace.isEmpty ? "default" : obj.metaNamespace) : nil
        var o = WriteOptions()
        o.fieldManager = "dev-cluster-apply"
        o.fieldValidation = .strict
        do throws(APIError) {
            _ = try store.create(t, namespace: ns, obj, o)
        } catch {
            guard case .alreadyExists = error else { throw error }
            var body = obj
            body.setMeta("resourceVersion", nil)
            _ = try store.update(t, namespace: ns, name: obj.metaName, body, subresource: nil, o)
            if t.hasStatus, obj["status"] != nil {
                _ = try store.update(t, namespace: ns, name: obj.metaName, body, subresource: "status", o)
            }
        }
    }
}
