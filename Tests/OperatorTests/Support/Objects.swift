import JSON
import Policies

/// Builders for the objects the tests feed to planners and the API server.
enum Objects {
    static func policy(_ name: String, namespace: String = "shop", uid: String = "uid-1", generation: Int64 = 1,
                       spec: JSONValue, status: JSONValue? = nil) -> JSONValue {
        var o: JSONValue = [
            "apiVersion": .string(PolicyMetadata.apiVersion), "kind": .string(PolicyMetadata.policyKind),
            "metadata": ["name": .string(name), "namespace": .string(namespace), "uid": .string(uid),
                         "generation": .int(generation)],
            "spec": spec,
        ]
        if let status { o["status"] = status }
        return o
    }

    static func environment(_ name: String, namespace: String = "shop", created: String = "2026-01-01T00:00:00Z",
                            generation: Int64 = 1) -> JSONValue {
        [
            "apiVersion": .string(PolicyMetadata.apiVersion), "kind": .string(PolicyMetadata.environmentKind),
            "metadata": ["name": .string(name), "namespace": .string(namespace), "uid": .string("env-\(name)"),
                         "generation": .int(generation), "creationTimestamp": .string(created)],
            "spec": [:],
        ]
    }

    /// An unmanaged CNP selecting `app=<app>`; `disabled` adds GitLab's label.
    static func cnp(_ name: String, namespace: String = "shop", app: String = "web", disabled: Bool = false,
                    alert: Bool = false) -> JSONValue {
        var labels: JSONObject = ["app": .string(app)]
        if disabled { labels[EnforcementLabel.gitlab.key] = .string(EnforcementLabel.gitlab.value) }
        var o: JSONValue = [
            "apiVersion": "cilium.io/v2", "kind": "CiliumNetworkPolicy",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "spec": ["endpointSelector": ["matchLabels": .object(labels)],
                     "ingress": [["fromEntities": ["world"]]]],
        ]
        if alert { o[path: ["metadata", "annotations"]] = [PolicyMetadata.alertAnnotation: "true"] }
        return o
    }

    static let webRules: JSONValue = [
        "podSelector": ["app": "web"],
        "rules": [["direction": "inbound", "entities": ["world"], "ports": [["port": 80]]]],
    ]

    /// YAML mode with two rules, one with matchLabels and matchExpressions, one host policy.
    static let yamlSpecs: JSONValue = [
        "cilium": ["specs": [
            ["endpointSelector": ["matchLabels": ["app": "api"],
                                  "matchExpressions": [["key": "tier", "operator": "In", "values": ["backend"]]]],
             "ingress": [["fromEndpoints": [["matchLabels": ["app": "web"]]]]]],
            ["nodeSelector": ["matchLabels": ["node-role": "edge"]],
             "ingress": [["fromEntities": ["world"]]]],
        ]],
    ]

    static func condition(_ object: JSONValue, _ type: String) -> JSONValue? {
        (object[path: ["status", "conditions"]]?.arrayValue ?? []).first { $0["type"]?.stringValue == type }
    }
}
