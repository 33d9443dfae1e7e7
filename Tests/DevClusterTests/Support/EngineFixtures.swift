import YAML
import JSON
@testable import DevCluster

/// A store plus shorthands for the built-in types, for engine tests without HTTP.
struct Engine {
    let store = Store(historyLimit: 100)

    func type(_ group: String = "", _ version: String = "v1", _ plural: String) -> ResourceType {
        store.lookup(group: group, version: version, plural: plural)
            ?? ResourceType(group: group, version: version, kind: "Missing", plural: plural, singular: "", namespaced: true)
    }

    var configmaps: ResourceType { type("", "v1", "configmaps") }
    var namespaces: ResourceType { type("", "v1", "namespaces") }

    @discardableResult
    func configMap(_ name: String, ns: String = "default", labels: JSONValue = [:], data: JSONValue = ["k": "v"],
                   extraMeta: [(String, JSONValue)] = []) throws(APIError) -> JSONValue {
        var obj: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name), "labels": labels],
                              "data": data]
        for (k, v) in extraMeta { obj.setMeta(k, v) }
        return try store.create(configmaps, namespace: ns, obj).object
    }

    /// Registers the Widget CRD (from the shared fixture) and returns its type.
    func widgets() throws -> ResourceType {
        let crd = try Fixtures.widgetCRDJSON()
        _ = try store.create(type("apiextensions.k8s.io", "v1", "customresourcedefinitions"), namespace: nil, crd)
        return type("example.com", "v1", "widgets")
    }
}

extension Fixtures {
    static func widgetCRDJSON() throws -> JSONValue {
        guard let doc = try YAMLBridge.parse(widgetCRD) else { throw APIError.badRequest("fixture does not parse") }
        return doc
    }
}

enum YAMLBridge {
    static func parse(_ s: String) throws -> JSONValue? { try YAML.parseAll(s).first }
}
