import JSON

/// A toPorts item: ports (at most 40, ranges, protocol enum) and L7 rules
/// with Cilium's restrictions (TCP only except DNS, no port 0, one kind, ...).
enum CiliumPortRuleValidator {
    static let l7Kinds = ["http", "kafka", "dns", "l7proto"]

    static func validate(_ value: JSONValue, ingress: Bool, deny: Bool, at path: String, issues: inout IssueCollector) {
        guard let r = FieldReader(value, at: path, issues: &issues) else { return }
        if deny {
            r.rejectUnknown(["ports"], issues: &issues)
        } else {
            r.rejectUnknown(["ports", "rules", "listener", "originatingTLS", "serverNames", "terminatingTLS"], issues: &issues)
        }
        let ports = r.array("ports", issues: &issues) ?? []
        if ports.count > PortSyntax.maxPortsPerRule {
            issues.add(r.childPath("ports"), "\(ports.count) ports; Cilium allows at most \(PortSyntax.maxPortsPerRule): split the rule or use port ranges (endPort)")
        }
        var protocols: [String] = []
        var hasZero = false, hasRange = false
        for (i, p) in ports.enumerated() {
            let pp = FieldPath.index(r.childPath("ports"), i)
            guard let pr = FieldReader(p, at: pp, issues: &issues) else { continue }
            pr.rejectUnknown(["port", "endPort", "protocol"], issues: &issues)
            let port = pr.string("port", issues: &issues)
            if port == nil {
                if !pr.has("port") { issues.add(pr.childPath("port"), "missing; set a port number as a string, e.g. \"80\"") }
            } else if let port, let problem = PortSyntax.portStringProblem(port) {
                issues.add(pr.childPath("port"), problem)
            }
            if port == "0" { hasZero = true }
            if let end = pr.int("endPort", issues: &issues) {
                hasRange = true
                if !(0...PortSyntax.maxPort).contains(end) {
                    issues.add(pr.childPath("endPort"), "\(end) is out of range 0-65535; use a port between 0 and 65535")
                } else if let port, PortSyntax.isNumeric(port), let start = Int64(port), end < start {
                    issues.add(pr.childPath("endPort"), "\(end) is below port \(port); endPort must be at least port")
                } else if let port, !PortSyntax.isNumeric(port) {
                    issues.add(pr.childPath("endPort"), "a range needs a numeric port, not the name \"\(port)\"")
                }
            }
            let proto = pr.string("protocol", issues: &issues) ?? "ANY"
            if !PortSyntax.protocols.contains(proto) {
                issues.add(pr.childPath("protocol"), "unknown protocol \"\(proto)\"; use TCP, UDP, SCTP or ANY")
            }
            protocols.append(proto)
        }
        guard let rules = r.objectValue("rules", issues: &issues) else { return }
        let rp = r.childPath("rules")
        let kinds = l7Kinds.filter { rules[$0] != nil && rules[$0] != .null }
        for key in rules.keys where !l7Kinds.contains(key) && key != "l7" {
            issues.add(FieldPath.child(rp, key), "unknown field; allowed fields here are http, kafka, dns, l7proto, l7")
        }
        if kinds.count > 1 {
            issues.add(rp, "multiple L7 rule kinds (\(kinds.joined(separator: ", "))) in one port rule; use one toPorts entry per kind")
        }
        if rules["l7"] != nil, rules["l7proto"] == nil {
            issues.add(FieldPath.child(rp, "l7"), "l7 needs l7proto to name the parser; add l7proto")
        }
        guard !kinds.isEmpty else { return }
        let isDNS = kinds == ["dns"]
        if isDNS {
            if ingress { issues.add(FieldPath.child(rp, "dns"), "DNS rules are only allowed on egress; move the rule to egress") }
            if ports.isEmpty { issues.add(r.childPath("ports"), "DNS rules need port 53; add ports: [{port: \"53\", protocol: ANY}]") }
            if hasRange { issues.add(r.childPath("ports"), "DNS rules cannot use a port range (endPort); list port 53") }
            if let dns = rules["dns"]?.arrayValue {
                for (i, d) in dns.enumerated() {
                    CiliumPeerRuleValidator.validateFQDNSelector(d, at: FieldPath.index(FieldPath.child(rp, "dns"), i), issues: &issues)
                }
            }
        } else {
            if let bad = protocols.first(where: { $0 != "TCP" && $0 != "ANY" }) {
                issues.add(rp, "L7 rules only apply to TCP (not \(bad)), except DNS rules; use protocol TCP")
            }
        }
        if hasZero { issues.add(rp, "L7 rules cannot be used on port 0; name the port the application listens on") }
    }
}
