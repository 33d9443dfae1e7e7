import JSON

/// `icmps`: ICMP types by number (0-255) or CamelCase name, family IPv4/IPv6,
/// at most 40 fields per rule (Cilium's maxICMPFields).
enum CiliumICMPValidator {
    static let families = ["IPv4", "IPv6"]

    static func validate(_ icmps: [JSONValue], at path: String, issues: inout IssueCollector) {
        var total = 0
        for (i, icmp) in icmps.enumerated() {
            let p = FieldPath.index(path, i)
            guard let r = FieldReader(icmp, at: p, issues: &issues) else { continue }
            r.rejectUnknown(["fields"], issues: &issues)
            let fields = r.array("fields", issues: &issues) ?? []
            total += fields.count
            for (j, field) in fields.enumerated() {
                let fp = FieldPath.index(r.childPath("fields"), j)
                guard let fr = FieldReader(field, at: fp, issues: &issues) else { continue }
                fr.rejectUnknown(["type", "family"], issues: &issues)
                switch fr.object["type"] {
                case nil, .null?:
                    issues.add(fr.childPath("type"), "missing; set an ICMP type number (0-255) or name such as EchoRequest")
                case .string(let name)?:
                    if name.isEmpty || !name.utf8.allSatisfy(LabelSyntax.isAlnum) {
                        issues.add(fr.childPath("type"), "\"\(name)\" is not an ICMP type name; use a number 0-255 or a CamelCase name such as EchoRequest")
                    }
                case let v?:
                    if let n = v.intValue {
                        if !(0...255).contains(n) { issues.add(fr.childPath("type"), "\(n) is out of range 0-255; use an ICMP type between 0 and 255") }
                    } else {
                        issues.add(fr.childPath("type"), "expected a number or a name, got \(v.typeName)")
                    }
                }
                if let family = fr.string("family", issues: &issues), !families.contains(family) {
                    issues.add(fr.childPath("family"), "unknown family \"\(family)\"; use IPv4 or IPv6")
                }
            }
        }
        if total > PortSyntax.maxPortsPerRule {
            issues.add(path, "\(total) ICMP fields; Cilium allows at most \(PortSyntax.maxPortsPerRule) per rule: split the rule")
        }
    }
}
