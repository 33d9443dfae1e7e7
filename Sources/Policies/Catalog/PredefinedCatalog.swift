import JSON

/// The built-in policies, listed as "available, disabled" in every environment
/// until a ContainerNetworkPolicy names one. The first two are GitLab's.
public enum PredefinedCatalog {
    public static let all: [PredefinedPolicy] = [
        PredefinedPolicy(
            name: "allow-inbound-http",
            description: "Allow inbound traffic on ports 80 and 443 to every pod of the namespace (GitLab's predefined policy).",
            // As GitLab defined it: ports without a protocol (any protocol).
            spec: ["endpointSelector": [:], "ingress": [["toPorts": [["ports": [["port": "80"], ["port": "443"]]]]]]]),
        PredefinedPolicy(
            name: "drop-outbound",
            description: "Drop all outbound traffic from every pod of the namespace (GitLab's predefined policy).",
            spec: ["endpointSelector": [:], "egress": [[:]]]),
        PredefinedPolicy(
            name: "deny-all-ingress",
            description: "Default deny for inbound traffic: pods of the namespace accept only what other policies allow.",
            spec: ["endpointSelector": [:], "ingress": [[:]]]),
        PredefinedPolicy(
            name: "deny-all-egress",
            description: "Default deny for outbound traffic: pods of the namespace reach only what other policies allow.",
            spec: ["endpointSelector": [:], "egress": [[:]]]),
        PredefinedPolicy(
            name: "allow-dns-egress",
            description: "Allow DNS lookups to kube-dns through Cilium's DNS proxy (needed by FQDN rules and by default-deny egress).",
            spec: ["endpointSelector": [:], "egress": [CiliumJSON.kubeDNSEgressRule]]),
        PredefinedPolicy(
            name: "allow-same-namespace",
            description: "Allow traffic between pods of the namespace, in both directions.",
            spec: ["endpointSelector": [:], "ingress": [["fromEndpoints": [[:]]]], "egress": [["toEndpoints": [[:]]]]]),
        PredefinedPolicy(
            name: "allow-kube-apiserver-egress",
            description: "Allow pods of the namespace to reach the Kubernetes API server.",
            spec: ["endpointSelector": [:], "egress": [["toEntities": ["kube-apiserver"]]]]),
        PredefinedPolicy(
            name: "deny-ingress-from-world",
            description: "Deny inbound traffic from outside the cluster, without turning other inbound traffic into default deny.",
            // A deny-only rule would otherwise put the pods in default deny for ingress.
            spec: ["endpointSelector": [:], "enableDefaultDeny": ["ingress": false],
                   "ingressDeny": [["fromEntities": ["world"]]]]),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func policy(named name: String) -> PredefinedPolicy? { all.first { $0.name == name } }
}
