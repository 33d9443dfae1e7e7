import Foundation
import JSON

/// Wraps Cilium's published policy schemas (../shared/reference/cilium-crds) into
/// CustomResourceDefinitions at test time, as SOURCE.txt there describes. The
/// schema is never copied into this repository.
public enum CiliumCRDs {
    public enum Failure: Error, CustomStringConvertible {
        case missing(String)
        public var description: String {
            switch self {
            case .missing(let p): return "Cilium schema not found at \(p): tests expect ../shared/reference beside the checkout"
            }
        }
    }

    public static func ciliumNetworkPolicy() throws -> JSONValue {
        try definition(file: "ciliumnetworkpolicy_v2.schema.json", plural: "ciliumnetworkpolicies",
                       kind: "CiliumNetworkPolicy", shortNames: ["cnp", "ciliumnp"], scope: "Namespaced")
    }

    public static func ciliumClusterwideNetworkPolicy() throws -> JSONValue {
        try definition(file: "ciliumclusterwidenetworkpolicy_v2.schema.json", plural: "ciliumclusterwidenetworkpolicies",
                       kind: "CiliumClusterwideNetworkPolicy", shortNames: ["ccnp"], scope: "Cluster")
    }

    static func definition(file: String, plural: String, kind: String, shortNames: [String], scope: String) throws -> JSONValue {
        let url = TestPaths.sharedReference.appendingPathComponent("cilium-crds/\(file)")
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Failure.missing(url.path) }
        let schema = structural(try JSONParser.parse(data))
        return [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": ["name": .string("\(plural).cilium.io")],
            "spec": [
                "group": "cilium.io",
                "names": ["kind": .string(kind), "listKind": .string(kind + "List"), "plural": .string(plural),
                          "singular": .string(kind.lowercased()), "shortNames": .array(shortNames.map { .string($0) }),
                          "categories": ["cilium", "ciliumpolicy"]],
                "scope": .string(scope),
                "versions": [[
                    "name": "v2", "served": true, "storage": true,
                    "subresources": ["status": [:]],
                    "additionalPrinterColumns": [[
                        "name": "Valid", "type": "string",
                        "jsonPath": ".status.conditions[?(@.type=='Valid')].status",
                    ]],
                    "schema": ["openAPIV3Schema": schema],
                ]],
            ],
        ]
    }

    /// A structural schema may not combine properties with additionalProperties:
    /// drop the catalog's strict-mode `additionalProperties: false` there.
    static func structural(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(var o):
            if o.contains("properties"), o["additionalProperties"] == .bool(false) { o["additionalProperties"] = nil }
            var out = JSONObject()
            for (k, child) in o { out[k] = structural(child) }
            return .object(out)
        case .array(let a):
            return .array(a.map(structural))
        default:
            return v
        }
    }
}
