import JSON

/// One line saying what a CiliumNetworkPolicy does, in the shape of GitLab's
/// preview sentences: "Allow inbound traffic to pods app=web from entity world
/// on 80/TCP, 443/TCP", "Deny all traffic". Works for any CNP, managed or not.
public enum PolicySummary {
    /// Longer summaries are cut at a sentence boundary ("; and 3 more rules").
    public static let maxLength = 300

    public static func describe(cnp: JSONValue, label: EnforcementLabel = .gitlab) -> String {
        var sentences: [String] = []
        for rule in Enforcement.rules(of: cnp) { sentences.append(contentsOf: describe(rule: rule, label: label)) }
        if sentences.isEmpty { return "Empty policy (no rules)" }
        var out = ""
        for (i, s) in sentences.enumerated() {
            let next = out.isEmpty ? s : out + "; " + s
            if next.utf8.count > maxLength && !out.isEmpty {
                let rest = sentences.count - i
                return out + "; and \(rest) more rule\(rest == 1 ? "" : "s")"
            }
            out = next
        }
        return out
    }

    static func describe(rule: JSONValue, label: EnforcementLabel) -> [String] {
        let subject = selectorPhrase(rule, label: label)
        let ingress = rule["ingress"]?.arrayValue ?? []
        let egress = rule["egress"]?.arrayValue ?? []
        let isEmptyItem: (JSONValue) -> Bool = { $0.objectValue?.isEmpty ?? false }
        if ingress.count == 1, egress.count == 1, isEmptyItem(ingress[0]), isEmptyItem(egress[0]),
           rule["ingressDeny"] == nil, rule["egressDeny"] == nil {
            return [subject == "all pods" ? "Deny all traffic" : "Deny all traffic to and from \(subject)"]
        }
        var out: [String] = []
        for item in ingress {
            if isEmptyItem(item) { out.append("Deny all inbound traffic to \(subject)"); continue }
            out.append("Allow inbound traffic to \(subject) from \(peerPhrase(item)) on \(portsPhrase(item))")
        }
        for item in egress {
            if isEmptyItem(item) { out.append("Deny all outbound traffic from \(subject)"); continue }
            if item == CiliumJSON.kubeDNSEgressRule { out.append("Allow DNS lookups from \(subject) through kube-dns"); continue }
            out.append("Allow outbound traffic from \(subject) to \(peerPhrase(item)) on \(portsPhrase(item))")
        }
        for item in rule["ingressDeny"]?.arrayValue ?? [] {
            out.append("Deny inbound traffic to \(subject) from \(peerPhrase(item)) on \(portsPhrase(item))")
        }
        for item in rule["egressDeny"]?.arrayValue ?? [] {
            out.append("Deny outbound traffic from \(subject) to \(peerPhrase(item)) on \(portsPhrase(item))")
        }
        return out
    }

    static func selectorPhrase(_ rule: JSONValue, label: EnforcementLabel) -> String {
        if let node = rule["nodeSelector"], node != .null {
            let s = labelsPhrase(node, skipping: label.key)
            return s.isEmpty ? "all nodes" : "nodes " + s
        }
        let s = labelsPhrase(rule["endpointSelector"] ?? .null, skipping: label.key)
        return s.isEmpty ? "all pods" : "pods " + s
    }

    /// "app=web, tier=front" plus match expressions ("env in (a, b)").
    static func labelsPhrase(_ selector: JSONValue, skipping: String? = nil) -> String {
        var parts: [String] = []
        for (k, v) in selector["matchLabels"]?.objectValue ?? JSONObject() where k != skipping {
            parts.append("\(k)=\(v.stringValue ?? v.description)")
        }
        for e in selector["matchExpressions"]?.arrayValue ?? [] {
            let key = e["key"]?.stringValue ?? "?"
            let values = (e["values"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ", ")
            switch e["operator"]?.stringValue {
            case "In": parts.append("\(key) in (\(values))")
            case "NotIn": parts.append("\(key) not in (\(values))")
            case "Exists": parts.append("has \(key)")
            case "DoesNotExist": parts.append("no \(key)")
            default: break
            }
        }
        return parts.joined(separator: ", ")
    }

    static func peerPhrase(_ item: JSONValue) -> String {
        func list(_ key: String) -> [String] { (item[key]?.arrayValue ?? []).compactMap(\.stringValue) }
        func counted(_ one: String, _ many: String, _ xs: [String]) -> String {
            (xs.count == 1 ? one : many) + " " + xs.joined(separator: ", ")
        }
        for key in ["fromEndpoints", "toEndpoints"] {
            guard let sels = item[key]?.arrayValue else { continue }
            let phrases = sels.map { labelsPhrase($0) }
            if phrases.contains("") { return "all pods in the namespace" }
            return phrases.map { "pods " + $0 }.joined(separator: " or ")
        }
        for key in ["fromEntities", "toEntities"] where item[key] != nil { return counted("entity", "entities", list(key)) }
        for key in ["fromCIDR", "toCIDR"] where item[key] != nil { return counted("CIDR", "CIDRs", list(key)) }
        for key in ["fromCIDRSet", "toCIDRSet"] {
            guard let sets = item[key]?.arrayValue else { continue }
            let cidrs = sets.map { s -> String in
                let base = s["cidr"]?.stringValue ?? s["cidrGroupRef"]?.stringValue ?? "a CIDR group"
                let except = (s["except"]?.arrayValue ?? []).compactMap(\.stringValue)
                return except.isEmpty ? base : base + " except " + except.joined(separator: ", ")
            }
            return counted("CIDR", "CIDRs", cidrs)
        }
        if let fqdns = item["toFQDNs"]?.arrayValue {
            let names = fqdns.compactMap { $0["matchName"]?.stringValue ?? $0["matchPattern"]?.stringValue }
            return counted("domain", "domains", names)
        }
        if item["fromNodes"] != nil || item["toNodes"] != nil { return "selected nodes" }
        if item["toServices"] != nil { return "selected services" }
        if item["fromGroups"] != nil || item["toGroups"] != nil { return "cloud provider groups" }
        return "anywhere"
    }

    static func portsPhrase(_ item: JSONValue) -> String {
        var ports: [String] = []
        var hasDNS = false
        for pr in item["toPorts"]?.arrayValue ?? [] {
            if pr["rules"]?["dns"] != nil { hasDNS = true }
            for p in pr["ports"]?.arrayValue ?? [] {
                var s = p["port"]?.stringValue ?? "?"
                if let end = p["endPort"]?.intValue { s += "-\(end)" }
                if let proto = p["protocol"]?.stringValue { s += "/" + proto }
                ports.append(s)
            }
        }
        if ports.isEmpty { return item["icmps"] != nil ? "ICMP" : "any port" }
        return ports.joined(separator: ", ") + (hasDNS ? " (DNS via proxy)" : "")
    }
}
