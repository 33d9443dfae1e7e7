import JSON

/// Valid configurations that probably do not do what the user wants; they go
/// to the status as warnings, never block rendering.
enum PolicyWarnings {
    static func check(spec: ContainerNetworkPolicySpec, cnp: JSONValue) -> [ValidationIssue] {
        var out = IssueCollector()
        let rules = Enforcement.rules(of: cnp)
        let items = rules.flatMap { r in
            ["ingress", "egress", "ingressDeny", "egressDeny"].flatMap { r[$0]?.arrayValue ?? [] }
        }
        if spec.alert {
            if !spec.enabled {
                out.add("spec.alert", "the policy is disabled, so it selects no pod and raises no alert; enable it or turn alert off")
            } else if !items.contains(where: { $0["toPorts"] != nil }) {
                out.add("spec.alert", "no rule restricts ports, so every dropped flow to or from the selected pods raises an alert; add ports to the rules or expect a high alert volume")
            }
        }
        let hasFQDN = items.contains { $0["toFQDNs"] != nil }
        let hasDNSRule = items.contains { item in
            (item["toPorts"]?.arrayValue ?? []).contains { $0["rules"]?["dns"] != nil }
        }
        switch spec.source {
        case .rules(let r) where hasFQDN && !r.addDNSRule:
            out.add("spec.addDNSRule", "outbound domain rules only work when DNS goes through Cilium's DNS proxy; keep addDNSRule on, or deploy the predefined allow-dns-egress policy")
        case .cilium where hasFQDN && !hasDNSRule:
            out.add("spec.cilium", "toFQDNs rules only work when DNS goes through Cilium's DNS proxy: add an egress rule to kube-dns on port 53 with rules.dns, or deploy the predefined allow-dns-egress policy")
        default: break
        }
        if case .cilium = spec.source, rules.contains(where: { $0["nodeSelector"] != nil }) {
            out.add("spec.cilium", "nodeSelector (host policy) only takes effect in a CiliumClusterwideNetworkPolicy; use endpointSelector to select pods")
        }
        return out.issues
    }
}
