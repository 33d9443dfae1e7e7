import Foundation
import JSON
import Testing
import TestSupport
import YAML
@testable import Policies

@Suite("CRDs generated from the Swift description")
struct CRDTests {
    @Test("committed crds/ files and their kustomization match the generator (UPDATE_GOLDEN=1 regenerates them)")
    func committedFilesMatch() {
        let files = CRDDefinitions.yamlFiles()
        #expect(files.map(\.fileName) == ["threatmonitor.dev_containernetworkpolicies.yaml", "threatmonitor.dev_environments.yaml"])
        for f in files + [CRDDefinitions.kustomization()] {
            Golden.check(f.contents, against: Golden.packageRoot.appendingPathComponent("crds").appendingPathComponent(f.fileName))
        }
    }

    @Test("crds/ holds nothing but the generated files, so no stale CRD ships")
    func noStrayFiles() throws {
        // While regenerating, the generator test may be writing here concurrently.
        if Golden.updating { return }
        let listed = try FileManager.default.contentsOfDirectory(atPath: Golden.packageRoot.appendingPathComponent("crds").path)
        let expected = CRDDefinitions.yamlFiles().map(\.fileName) + [CRDDefinitions.kustomization().fileName]
        #expect(listed.sorted() == expected.sorted())
    }

    @Test("real kubectl builds crds/ with kustomize, as `kubectl apply -k deploy/` does")
    func kustomize() async throws {
        let kubectl = try Kubectl()
        defer { kubectl.cleanUp() }
        let output = try await kubectl.run("kustomize", Golden.packageRoot.appendingPathComponent("crds").path).stdout
        let docs = try YAML.parseAll(output)
        #expect(Set(docs) == Set(CRDDefinitions.all))
    }

    @Test("the emitted YAML reads back as the same CRD")
    func yamlRoundTrip() throws {
        for (crd, file) in zip(CRDDefinitions.all, CRDDefinitions.yamlFiles()) {
            #expect(try YAML.parse(file.contents) == crd, "\(file.fileName)")
        }
    }

    @Test("each CRD: group, version, namespaced, category, short names, status subresource")
    func names() throws {
        for crd in CRDDefinitions.all {
            let spec = try #require(crd["spec"])
            #expect(spec["group"] == "threatmonitor.dev")
            #expect(spec["scope"] == "Namespaced")
            #expect(spec[path: ["names", "categories"]] == ["threatmonitor"])
            #expect((spec[path: ["names", "shortNames"]]?.arrayValue?.count ?? 0) > 0)
            let version = try #require(spec["versions"]?[0])
            #expect(version["name"] == "v1alpha1")
            #expect(version[path: ["subresources", "status"]] == .object(JSONObject()))
            let plural = try #require(spec[path: ["names", "plural"]]?.stringValue)
            #expect(crd[path: ["metadata", "name"]]?.stringValue == "\(plural).threatmonitor.dev")
        }
    }

    @Test("printer columns point at fields the schema declares")
    func printerColumns() throws {
        let policy = ContainerNetworkPolicyCRD.definition
        let columns = try #require(policy[path: ["spec", "versions"]]?[0]?["additionalPrinterColumns"]?.arrayValue)
        #expect(columns.compactMap { $0["name"]?.stringValue } == ["Enabled", "Alert", "Mode", "Ready", "Age", "Summary"])
        for crd in CRDDefinitions.all {
            let version = try #require(crd[path: ["spec", "versions"]]?[0])
            let schema = try #require(version[path: ["schema", "openAPIV3Schema"]])
            for column in version["additionalPrinterColumns"]?.arrayValue ?? [] {
                let path = try #require(column["jsonPath"]?.stringValue)
                // ".status.conditions[?(...)].status" -> status, conditions, status
                let fields = path.replacingOccurrences(of: #"\[\?\(.*\)\]"#, with: "", options: .regularExpression)
                    .split(separator: ".").map(String.init)
                #expect(resolve(fields, in: schema), "\(path) is not in the schema")
            }
        }
    }

    @Test("every schema property has a type and a description, so kubectl explain helps")
    func documented() throws {
        for crd in CRDDefinitions.all {
            let schema = try #require(crd[path: ["spec", "versions"]]?[0]?[path: ["schema", "openAPIV3Schema"]])
            var missing: [String] = []
            walk(schema, "", &missing)
            #expect(missing == [], "\(crd[path: ["metadata", "name"]] ?? "")")
        }
    }

    @Test("schema enums follow the Swift model: catalog names, entities, protocols")
    func enumsFollowModel() throws {
        let spec = ContainerNetworkPolicyCRD.spec
        #expect(spec[path: ["properties", "predefined", "enum"]] == .array(PredefinedCatalog.names.map(JSONValue.string)))
        let rule = ContainerNetworkPolicyCRD.rule
        #expect(rule[path: ["properties", "entities", "items", "enum"]]?.arrayValue?.count == CiliumEntity.all.count)
        #expect(rule[path: ["properties", "ports", "items", "properties", "protocol", "enum"]] == ["TCP", "UDP", "SCTP", "ANY"])
        let cel = (spec["x-kubernetes-validations"]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
        #expect(cel.contains { $0.contains("has(self.predefined)") && $0.contains("has(self.cilium)") })
    }

    /// Whether a path of field names exists in an OpenAPI schema.
    func resolve(_ fields: [String], in schema: JSONValue) -> Bool {
        var node = schema
        for f in fields {
            if f == "metadata" { return true }
            if node["type"] == "array", let items = node["items"] { node = items }
            guard let next = node[path: ["properties", f]] else { return false }
            node = next
        }
        return true
    }

    func walk(_ node: JSONValue, _ path: String, _ missing: inout [String]) {
        if let items = node["items"] { walk(items, path + "[]", &missing) }
        for (k, child) in node["properties"]?.objectValue ?? JSONObject() {
            let p = path + "." + k
            if child["type"] == nil { missing.append(p + " (type)") }
            if child["description"] == nil && !["apiVersion", "kind", "metadata"].contains(k) { missing.append(p + " (description)") }
            walk(child, p, &missing)
        }
    }
}
