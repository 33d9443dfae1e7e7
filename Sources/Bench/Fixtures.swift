import Foundation
import JSON

/// Realistic API data for the benchmarks: a List of 10,000 CiliumNetworkPolicy
/// objects shaped like what the operator renders and the API server returns.
enum Fixtures {
    static func policyList(count: Int) -> JSONValue {
        var items: [JSONValue] = []
        items.reserveCapacity(count)
        for i in 0..<count {
            let ns = "team-\(i % 100)"
            let name = "policy-\(i)"
            let item: JSONValue = [
                "apiVersion": "cilium.io/v2",
                "kind": "CiliumNetworkPolicy",
                "metadata": [
                    "name": .string(name),
                    "namespace": .string(ns),
                    "uid": .string(String(format: "6f1c2b7e-%04x-4a5b-9c3d-%012x", i % 65536, i)),
                    "resourceVersion": .string(String(100_000 + i)),
                    "generation": 1,
                    "creationTimestamp": "2026-11-30T12:00:00Z",
                    "labels": ["app.kubernetes.io/managed-by": "threat-monitor", "team": .string(ns)],
                    "annotations": ["app.gitlab.com/alert": i % 3 == 0 ? "true" : "false"],
                    "ownerReferences": [[
                        "apiVersion": "threatmonitor.dev/v1alpha1", "kind": "ContainerNetworkPolicy",
                        "name": .string(name), "uid": "0a1b2c3d-0000-4000-8000-000000000000",
                        "controller": true, "blockOwnerDeletion": true,
                    ]],
                ],
                "spec": [
                    "endpointSelector": ["matchLabels": ["app": .string("svc-\(i % 17)"), "tier": "backend"]],
                    "ingress": [[
                        "fromEndpoints": [["matchLabels": ["app": "frontend"]]],
                        "toPorts": [["ports": [["port": "80", "protocol": "TCP"], ["port": "443", "protocol": "TCP"]]]],
                    ]],
                    "egress": [
                        ["toFQDNs": [["matchName": "api.payments.example.com"]],
                         "toPorts": [["ports": [["port": "443", "protocol": "TCP"]]]]],
                        ["toEndpoints": [["matchLabels": ["k8s:io.kubernetes.pod.namespace": "kube-system", "k8s:k8s-app": "kube-dns"]]],
                         "toPorts": [["ports": [["port": "53", "protocol": "ANY"]], "rules": ["dns": [["matchPattern": "*"]]]]]],
                    ],
                ],
                "status": ["conditions": [["type": "Valid", "status": "True", "lastTransitionTime": "2026-11-30T12:00:01Z", "message": "Policy validation succeeded"]]],
            ]
            items.append(item)
        }
        return ["apiVersion": "cilium.io/v2", "kind": "CiliumNetworkPolicyList",
                "metadata": ["resourceVersion": "200000"], "items": .array(items)]
    }
}
