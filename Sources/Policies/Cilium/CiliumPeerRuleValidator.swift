import JSON

/// One item of ingress / ingressDeny / egress / egressDeny: its peers, ports,
/// ICMP and L7 parts, with Cilium's exclusivity and limits.
enum CiliumPeerRuleValidator {
    static let ingressPeers = ["fromEndpoints", "fromCIDR", "fromCIDRSet", "fromEntities", "fromGroups", "fromNodes"]
    static let egressPeers = ["toEndpoints", "toCIDR", "toCIDRSet", "toEntities", "toServices", "toGroups", "toNodes",
                              "toFQDNs"]

    static func fields(for direction: String) -> [String] {
        switch direction {
        case "ingress": return ingressPeers + ["fromRequires", "toPorts", "icmps", "authentication"]
        case "ingressDeny": return ingressPeers + ["fromRequires", "toPorts", "icmps"]
        case "egress": return egressPeers + ["toRequires", "toPorts", "icmps", "authentication"]
        default: return egressPeers.filter { $0 != "toFQDNs" } + ["toRequires", "toPorts", "icmps"]
        }
    }

    static func validate(_ value: JSONValue, direction: String, at path: String, issues: inout IssueCollector) {
        guard let r = FieldReader(value, at: path, issues: &issues) else { return }
        let isIngress = direction.hasPrefix("ingress")
        let isDeny = direction.hasSuffix("Deny")
        if isDeny, r.has("toFQDNs") {
            issues.add(r.childPath("toFQDNs"), "toFQDNs is only allowed in egress (allow) rules; deny by CIDR or entity instead")
        }
        // toFQDNs in a deny rule got its own message above.
        r.rejectUnknown(fields(for: direction), reported: isDeny ? ["toFQDNs"] : [], issues: &issues)
        let peers = (isIngress ? ingressPeers : egressPeers).filter { r.has($0) }
        if peers.count > 1 {
            issues.add(path, "combining \(peers.joined(separator: " and ")) is not supported by Cilium; put each peer kind in its own rule")
        }
        for key in ["fromEndpoints", "toEndpoints", "fromNodes", "toNodes"] where r.has(key) {
            guard let items = r.array(key, issues: &issues) else { continue }
            for (i, s) in items.enumerated() { CiliumSelectorValidator.validate(s, at: FieldPath.index(r.childPath(key), i), issues: &issues) }
        }
        for key in ["fromEntities", "toEntities"] where r.has(key) {
            guard let items = r.array(key, issues: &issues) else { continue }
            for (i, e) in items.enumerated() {
                let p = FieldPath.index(r.childPath(key), i)
                guard let s = e.stringValue else { issues.add(p, "expected a string, got \(e.typeName)"); continue }
                if let problem = CiliumEntity.problem(s) { issues.add(p, problem) }
            }
        }
        for key in ["fromCIDR", "toCIDR"] where r.has(key) {
            guard let items = r.array(key, issues: &issues) else { continue }
            for (i, e) in items.enumerated() {
                let p = FieldPath.index(r.childPath(key), i)
                guard let s = e.stringValue else { issues.add(p, "expected a string, got \(e.typeName)"); continue }
                if case .failure(let err) = CIDR.parse(s) { issues.add(p, err.message(s)) }
            }
        }
        for key in ["fromCIDRSet", "toCIDRSet"] where r.has(key) {
            guard let items = r.array(key, issues: &issues) else { continue }
            for (i, e) in items.enumerated() { validateCIDRRule(e, at: FieldPath.index(r.childPath(key), i), issues: &issues) }
        }
        if !isDeny, r.has("toFQDNs"), let items = r.array("toFQDNs", issues: &issues) {
            for (i, e) in items.enumerated() { validateFQDNSelector(e, at: FieldPath.index(r.childPath("toFQDNs"), i), issues: &issues) }
        }
        if r.has("icmps"), r.has("toPorts") {
            issues.add(path, "icmps and toPorts cannot be combined in one rule; put them in separate rules")
        }
        if let icmps = r.array("icmps", issues: &issues) {
            CiliumICMPValidator.validate(icmps, at: r.childPath("icmps"), issues: &issues)
        }
        if let toPorts = r.array("toPorts", issues: &issues) {
            for (i, pr) in toPorts.enumerated() {
                CiliumPortRuleValidator.validate(pr, ingress: isIngress, deny: isDeny,
                                                 at: FieldPath.index(r.childPath("toPorts"), i), issues: &issues)
            }
        }
    }

    static func validateCIDRRule(_ value: JSONValue, at path: String, issues: inout IssueCollector) {
        guard let r = FieldReader(value, at: path, issues: &issues) else { return }
        r.rejectUnknown(["cidr", "cidrGroupRef", "cidrGroupSelector", "except"], issues: &issues)
        let kinds = ["cidr", "cidrGroupRef", "cidrGroupSelector"].filter { r.has($0) }
        if kinds.count != 1 {
            issues.add(path, kinds.isEmpty ? "set one of cidr, cidrGroupRef or cidrGroupSelector"
                : "set exactly one of cidr, cidrGroupRef or cidrGroupSelector, not \(kinds.joined(separator: " and "))")
        }
        var base: CIDR?
        if let s = r.string("cidr", issues: &issues) {
            switch CIDR.parse(s) {
            case .success(let c): base = c
            case .failure(let e): issues.add(r.childPath("cidr"), e.message(s))
            }
        }
        guard let except = r.array("except", issues: &issues) else { return }
        for (i, e) in except.enumerated() {
            let p = FieldPath.index(r.childPath("except"), i)
            guard let s = e.stringValue else { issues.add(p, "expected a string, got \(e.typeName)"); continue }
            switch CIDR.parse(s) {
            case .failure(let err): issues.add(p, err.message(s))
            case .success(let c):
                guard let base else { continue }
                if c.family != base.family {
                    issues.add(p, "\(s) is \(c.family.rawValue) but cidr is \(base.family.rawValue); an exception must be of the same family")
                } else if !base.contains(c) {
                    issues.add(p, "\(s) is not inside \(r.object["cidr"]?.stringValue ?? "the cidr"); an exception must be a sub-range of cidr")
                }
            }
        }
    }

    static func validateFQDNSelector(_ value: JSONValue, at path: String, issues: inout IssueCollector) {
        guard let r = FieldReader(value, at: path, issues: &issues) else { return }
        r.rejectUnknown(["matchName", "matchPattern"], issues: &issues)
        let name = r.string("matchName", issues: &issues)
        let pattern = r.string("matchPattern", issues: &issues)
        if name != nil && pattern != nil { issues.add(path, "set either matchName or matchPattern, not both; use two entries") }
        if name == nil && pattern == nil && !r.has("matchName") && !r.has("matchPattern") {
            issues.add(path, "set matchName (an exact name) or matchPattern (with * wildcards)")
        }
        if let name, let p = FQDNSyntax.nameProblem(name) { issues.add(r.childPath("matchName"), p) }
        if let pattern, let p = FQDNSyntax.patternProblem(pattern) { issues.add(r.childPath("matchPattern"), p) }
    }
}
