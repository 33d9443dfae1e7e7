import JSON

/// A stand-in for Cilium's CiliumNetworkPolicy CRD, for a DevCluster without Cilium
/// (the demo, benchmarks): same names, scope, short names and printer columns, but an
/// open schema. Cilium's full schema is large and belongs to Cilium; tests that need
/// it wrap the published one at test time.
public enum StandInCiliumCRD {
    public static let definition: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": ["name": "ciliumnetworkpolicies.cilium.io"],
        "spec": [
            "group": "cilium.io",
            "names": ["kind": "CiliumNetworkPolicy", "listKind": "CiliumNetworkPolicyList",
                      "plural": "ciliumnetworkpolicies", "singular": "ciliumnetworkpolicy",
                      "shortNames": ["cnp", "ciliumnp"], "categories": ["cilium", "ciliumpolicy"]],
            "scope": "Namespaced",
            "versions": [[
                "name": "v2", "served": true, "storage": true,
                "subresources": ["status": [:]],
                "additionalPrinterColumns": [
                    ["name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"],
                    ["name": "Valid", "type": "string", "jsonPath": ".status.conditions[?(@.type=='Valid')].status"],
                ],
                "schema": ["openAPIV3Schema": [
                    "type": "object",
                    "properties": [
                        "spec": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
                        "specs": ["type": "array", "items": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]],
                        "status": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
                    ],
                ]],
            ]],
        ],
    ]
}
