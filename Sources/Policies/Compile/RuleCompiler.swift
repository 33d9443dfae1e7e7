import JSON

/// Compiles Rule mode to a CiliumNetworkPolicy `spec`. Pure and deterministic:
/// the same RuleModeSpec always gives byte-identical JSON.
public enum RuleCompiler {
    public static func compile(_ rules: RuleModeSpec, description: String? = nil) -> JSONValue {
        var spec = JSONObject()
        if let description, !description.isEmpty { spec["description"] = .string(description) }
        spec["endpointSelector"] = CiliumJSON.selector(rules.podSelector)
        var ingress: [JSONValue] = []
        var egress: [JSONValue] = []
        var needsDNS = false
        for rule in rules.rules {
            let inbound = rule.direction == .inbound
            var item = JSONObject()
            switch rule.peer {
            case .pods(let labels):
                item[inbound ? "fromEndpoints" : "toEndpoints"] = [CiliumJSON.selector(labels)]
            case .entities(let names):
                item[inbound ? "fromEntities" : "toEntities"] = .array(names.map(JSONValue.string))
            case .cidrs(let cidrs):
                item[inbound ? "fromCIDR" : "toCIDR"] = .array(cidrs.map(JSONValue.string))
            case .fqdns(let matches):
                needsDNS = true
                item["toFQDNs"] = .array(matches.map(CiliumJSON.fqdnSelector))
            }
            if !rule.ports.isEmpty {
                item["toPorts"] = [["ports": .array(rule.ports.map(CiliumJSON.port))]]
            }
            if inbound { ingress.append(.object(item)) } else { egress.append(.object(item)) }
        }
        if needsDNS && rules.addDNSRule { egress.append(CiliumJSON.kubeDNSEgressRule) }
        if !ingress.isEmpty { spec["ingress"] = .array(ingress) }
        if !egress.isEmpty { spec["egress"] = .array(egress) }
        return .object(spec)
    }
}
