import Controller
import JSON
import Policies

/// `threat-monitor run` flags: kubebuilder's (parsed by `ManagerOptions`) plus the
/// operator's own `--disabled-label=key=value` and `--dns-rule=true|false`.
enum OperatorFlags {
    static let usage = """
        Usage: threat-monitor run [flags]

        Runs the ContainerNetworkPolicy and Environment controllers.

        \(ManagerOptions.usage)
          --disabled-label KEY=VALUE            selector label that disables a policy
                                                (default network-policy.gitlab.com/disabled_by=gitlab)
          --dns-rule[=true|false]               Rule mode adds the kube-dns rule FQDN rules need,
                                                unless a policy sets addDNSRule (default true)
        """

    /// Parses `arguments` (without the program and subcommand names).
    static func parse(_ arguments: [String]) throws(OptionsError) -> OperatorOptions {
        var options = OperatorOptions()
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            let name = arg.hasPrefix("--") ? String(arg.dropFirst(2)) : arg.hasPrefix("-") ? String(arg.dropFirst()) : ""
            let (flag, inline) = split(name)
            switch flag {
            case "disabled-label":
                let v: String
                if let inline { v = inline } else {
                    guard i < arguments.count else { throw .missingValue(flag: "--disabled-label") }
                    v = arguments[i]
                    i += 1
                }
                options.enforcementLabel = try label(v)
            case "dns-rule":
                // A boolean flag never takes the next argument, as Go's flag package.
                switch inline {
                case nil, "true", "1": options.dnsRule = true
                case "false", "0": options.dnsRule = false
                case let v?: throw .invalidValue(flag: "--dns-rule", value: v, reason: "expected true or false")
                }
            default:
                rest.append(arg)
            }
        }
        options.manager = try ManagerOptions.parse(arguments: rest)
        return options
    }

    private static func split(_ name: String) -> (String, String?) {
        guard let eq = name.firstIndex(of: "=") else { return (name, nil) }
        return (String(name[..<eq]), String(name[name.index(after: eq)...]))
    }

    /// "key=value", both checked as a selector label key and value.
    static func label(_ text: String) throws(OptionsError) -> EnforcementLabel {
        guard let eq = text.firstIndex(of: "=") else {
            throw .invalidValue(flag: "--disabled-label", value: text, reason: "expected KEY=VALUE, e.g. network-policy.gitlab.com/disabled_by=gitlab")
        }
        let key = String(text[..<eq]), value = String(text[text.index(after: eq)...])
        // The Rule-mode parser checks selector labels exactly as policies get them checked.
        let probe: JSONValue = ["podSelector": .object(JSONObject([(key, .string(value))])),
                                "rules": [["direction": "inbound", "entities": ["world"]]]]
        if case .failure(let errors) = PolicySpecParser.parse(probe) {
            throw .invalidValue(flag: "--disabled-label", value: text, reason: errors.issues.map(\.message).joined(separator: "; "))
        }
        return EnforcementLabel(key: key, value: value)
    }
}
