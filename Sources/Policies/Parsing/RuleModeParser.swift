import JSON

/// Reads Rule mode (`spec.podSelector`, `spec.rules`, `spec.addDNSRule`).
enum RuleModeParser {
    static let ruleFields = ["direction", "pods", "entities", "cidrs", "fqdns", "ports"]
    static let peerKinds = ["pods", "entities", "cidrs", "fqdns"]

    static func parse(_ r: FieldReader, issues: inout IssueCollector) -> RuleModeSpec? {
        let start = issues.issues.count
        var selector: [LabelPair] = []
        if let labels = r.objectValue("podSelector", issues: &issues) {
            selector = LabelMapReader.read(labels, at: "spec.podSelector", issues: &issues)
        }
        let addDNS = r.bool("addDNSRule", default: true, issues: &issues)
        let items = r.array("rules", issues: &issues) ?? []
        if items.isEmpty, r.object["rules"]?.arrayValue != nil {
            issues.add("spec.rules", "no rules; add at least one rule, or use predefined: deny-all-ingress / deny-all-egress to deny all traffic")
        }
        if items.count > PolicySpecParser.maxRules {
            issues.add("spec.rules", "\(items.count) rules; the limit is \(PolicySpecParser.maxRules): split the policy in two")
        }
        var rules: [PolicyRule] = []
        rules.reserveCapacity(items.count)
        for (i, item) in items.prefix(PolicySpecParser.maxRules).enumerated() {
            if let rule = parseRule(item, at: FieldPath.index("spec.rules", i), issues: &issues) { rules.append(rule) }
        }
        guard issues.issues.count == start else { return nil }
        return RuleModeSpec(podSelector: selector, rules: rules, addDNSRule: addDNS)
    }

    static func parseRule(_ value: JSONValue, at path: String, issues: inout IssueCollector) -> PolicyRule? {
        guard let r = FieldReader(value, at: path, issues: &issues) else { return nil }
        let start = issues.issues.count
        r.rejectUnknown(ruleFields, issues: &issues)
        var direction: RuleDirection?
        if let d = r.string("direction", issues: &issues) {
            direction = RuleDirection(rawValue: d)
            if direction == nil { issues.add(r.childPath("direction"), "\"\(d)\" is not a direction; use inbound or outbound") }
        } else if !r.has("direction") {
            issues.add(r.childPath("direction"), "missing; set inbound or outbound")
        }
        let kinds = peerKinds.filter { r.has($0) }
        var peer: RulePeer?
        if kinds.isEmpty {
            issues.add(path, "no peer; set exactly one of pods, entities, cidrs or fqdns (entities: [all] allows everything)")
        } else if kinds.count > 1 {
            issues.add(path, "combining \(kinds.joined(separator: " and ")) in one rule is not supported by Cilium; put each peer kind in its own rule")
        } else if let kind = kinds.first {
            peer = parsePeer(kind, r, direction: direction, issues: &issues)
        }
        var ports: [RulePort] = []
        if let items = r.array("ports", issues: &issues) {
            ports = parsePorts(items, at: r.childPath("ports"), issues: &issues)
        }
        guard issues.issues.count == start, let direction, let peer else { return nil }
        return PolicyRule(direction: direction, peer: peer, ports: ports)
    }

    static func parsePeer(_ kind: String, _ r: FieldReader, direction: RuleDirection?,
                          issues: inout IssueCollector) -> RulePeer? {
        let path = r.childPath(kind)
        if kind == "pods" {
            guard let labels = r.objectValue("pods", issues: &issues) else { return nil }
            return .pods(LabelMapReader.read(labels, at: path, issues: &issues))
        }
        guard let items = r.array(kind, issues: &issues) else { return nil }
        if items.isEmpty {
            let noun = ["entities": "entity", "cidrs": "CIDR", "fqdns": "domain"][kind] ?? kind
            issues.add(path, "empty list; list at least one \(noun) or remove the rule")
            return nil
        }
        if items.count > PolicySpecParser.maxPeers {
            issues.add(path, "\(items.count) entries; the limit is \(PolicySpecParser.maxPeers): split the rule")
            return nil
        }
        switch kind {
        case "entities":
            let names = strings(items, at: path, issues: &issues)
            for (i, n) in names.enumerated() {
                if let p = CiliumEntity.problem(n) { issues.add(FieldPath.index(path, i), p) }
            }
            return .entities(names)
        case "cidrs":
            let cidrs = strings(items, at: path, issues: &issues)
            for (i, c) in cidrs.enumerated() {
                if case .failure(let e) = CIDR.parse(c) { issues.add(FieldPath.index(path, i), e.message(c)) }
            }
            return .cidrs(cidrs)
        default:
            if direction == .inbound {
                issues.add(path, "domain names only work for outbound rules; use cidrs or entities for inbound traffic")
                return nil
            }
            var matches: [FQDNMatch] = []
            for (i, item) in items.enumerated() {
                if let m = parseFQDN(item, at: FieldPath.index(path, i), issues: &issues) { matches.append(m) }
            }
            return .fqdns(matches)
        }
    }

    static func strings(_ items: [JSONValue], at path: String, issues: inout IssueCollector) -> [String] {
        var out: [String] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if case .string(let s) = item { out.append(s) } else {
                issues.add(FieldPath.index(path, i), "expected a string, got \(item.typeName)")
            }
        }
        return out
    }

    static func parseFQDN(_ value: JSONValue, at path: String, issues: inout IssueCollector) -> FQDNMatch? {
        guard let r = FieldReader(value, at: path, issues: &issues) else { return nil }
        r.rejectUnknown(["matchName", "matchPattern"], issues: &issues)
        let name = r.string("matchName", issues: &issues)
        let pattern = r.string("matchPattern", issues: &issues)
        switch (name, pattern) {
        case (let n?, nil):
            if let p = FQDNSyntax.nameProblem(n) { issues.add(r.childPath("matchName"), p); return nil }
            return .name(n)
        case (nil, let p?):
            if let problem = FQDNSyntax.patternProblem(p) { issues.add(r.childPath("matchPattern"), problem); return nil }
            return .pattern(p)
        case (.some, .some):
            issues.add(path, "set either matchName or matchPattern, not both; use two entries")
        case (nil, nil):
            if !r.has("matchName") && !r.has("matchPattern") {
                issues.add(path, "set matchName (an exact name) or matchPattern (with * wildcards)")
            }
        }
        return nil
    }

    static func parsePorts(_ items: [JSONValue], at path: String, issues: inout IssueCollector) -> [RulePort] {
        if items.isEmpty {
            issues.add(path, "empty list; remove ports to allow every port, or list at least one")
            return []
        }
        if items.count > PortSyntax.maxPortsPerRule {
            issues.add(path, "\(items.count) ports; Cilium allows at most \(PortSyntax.maxPortsPerRule) per rule: split the rule or use port ranges (endPort)")
            return []
        }
        var out: [RulePort] = []
        for (i, item) in items.enumerated() {
            let p = FieldPath.index(path, i)
            guard let r = FieldReader(item, at: p, issues: &issues) else { continue }
            let start = issues.issues.count
            r.rejectUnknown(["port", "endPort", "protocol"], issues: &issues)
            let port = r.int("port", issues: &issues)
            if port == nil, !r.has("port") { issues.add(r.childPath("port"), "missing; set a port number between 0 and 65535") }
            if let port, !(0...PortSyntax.maxPort).contains(port) {
                issues.add(r.childPath("port"), "\(port) is out of range 0-65535; use a port between 0 and 65535")
            }
            let endPort = r.int("endPort", issues: &issues)
            if let endPort {
                if !(0...PortSyntax.maxPort).contains(endPort) {
                    issues.add(r.childPath("endPort"), "\(endPort) is out of range 0-65535; use a port between 0 and 65535")
                } else if let port, endPort < port {
                    issues.add(r.childPath("endPort"), "\(endPort) is below port \(port); endPort ends the range, so it must be at least port")
                } else if port == 0 {
                    issues.add(r.childPath("endPort"), "a range cannot start at port 0 (0 means every port); start it at 1")
                }
            }
            var proto = PortProtocol.tcp
            if let s = r.string("protocol", issues: &issues) {
                if let pr = PortProtocol(rawValue: s) { proto = pr } else {
                    let upper = s.uppercased()
                    let hint = PortProtocol(rawValue: upper) != nil ? "write it in capitals: \(upper)" : "use TCP, UDP, SCTP or ANY"
                    issues.add(r.childPath("protocol"), "unknown protocol \"\(s)\"; \(hint)")
                }
            }
            if issues.issues.count == start, let port {
                out.append(RulePort(Int(port), endPort: endPort.map { Int($0) }, proto: proto))
            }
        }
        return out
    }
}
