import JSON

/// Builders for the pieces of a CiliumNetworkPolicy, in the schema's types
/// (ports are strings, endPort an integer).
enum CiliumJSON {
    /// `{}` (every pod of the namespace) or `{matchLabels: {...}}`.
    static func selector(_ labels: [LabelPair]) -> JSONValue {
        if labels.isEmpty { return .object(JSONObject()) }
        var m = JSONObject()
        for l in labels { m[l.key] = .string(l.value) }
        return ["matchLabels": .object(m)]
    }

    static func fqdnSelector(_ m: FQDNMatch) -> JSONValue {
        switch m {
        case .name(let n): return ["matchName": .string(n)]
        case .pattern(let p): return ["matchPattern": .string(p)]
        }
    }

    static func port(_ p: RulePort) -> JSONValue {
        var o = JSONObject()
        o["port"] = .string(String(p.port))
        if let end = p.endPort { o["endPort"] = .int(Int64(end)) }
        o["protocol"] = .string(p.proto.rawValue)
        return .object(o)
    }

    /// The rule FQDN policies need: DNS to kube-dns through Cilium's DNS proxy,
    /// which is where toFQDNs learns the IPs it allows.
    static let kubeDNSEgressRule: JSONValue = [
        "toEndpoints": [["matchLabels": [
            "k8s:io.kubernetes.pod.namespace": "kube-system",
            "k8s:k8s-app": "kube-dns",
        ]]],
        "toPorts": [[
            "ports": [["port": "53", "protocol": "ANY"]],
            "rules": ["dns": [["matchPattern": "*"]]],
        ]],
    ]
}
