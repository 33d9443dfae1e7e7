/// Kubernetes label key and value syntax as Cilium applies it to selectors.
/// Checks work on UTF-8 bytes: these run for every label of every policy.
enum LabelSyntax {
    static let maxNameLength = 63
    static let maxPrefixLength = 253

    /// Why `key` is not a valid selector key, or nil when it is. A Cilium
    /// source prefix ("k8s:", "any:", "reserved:") is accepted and checked.
    static func keyProblem(_ key: String) -> String? {
        var rest = Substring(key)
        // Cilium keys may carry a label source before the first ':' ("k8s:app").
        if let colon = key.firstIndex(of: ":"), key[..<colon].firstIndex(of: "/") == nil {
            let source = key[..<colon]
            if source.isEmpty || !source.utf8.allSatisfy({ isLowerAlnum($0) || $0 == UInt8(ascii: "-") }) {
                return "label source \"\(source)\" must be lowercase letters, digits or '-' (as in k8s:app)"
            }
            rest = key[key.index(after: colon)...]
        }
        if rest.isEmpty { return "label key is empty; write a key such as app or app.kubernetes.io/name" }
        let name: Substring
        if let slash = rest.firstIndex(of: "/") {
            let prefix = rest[..<slash]
            name = rest[rest.index(after: slash)...]
            if let p = dnsSubdomainProblem(prefix) { return "label key prefix \"\(prefix)\" \(p)" }
        } else {
            name = rest
        }
        if name.isEmpty { return "label key \"\(key)\" has an empty name after the prefix; write prefix/name, e.g. app.kubernetes.io/name" }
        if name.utf8.count > maxNameLength {
            return "label key name \"\(name)\" is \(name.utf8.count) characters; the limit is \(maxNameLength)"
        }
        if !isQualifiedNamePart(name.utf8) {
            return "label key name \"\(name)\" must start and end with a letter or digit and contain only letters, digits, '-', '_' or '.'"
        }
        return nil
    }

    /// Why `value` is not a valid label value, or nil. Empty values are valid.
    static func valueProblem(_ value: String) -> String? {
        if value.utf8.count > maxNameLength {
            return "label value is \(value.utf8.count) characters; the limit is \(maxNameLength)"
        }
        if value.isEmpty || isQualifiedNamePart(value.utf8) { return nil }
        return "label value \"\(value)\" must start and end with a letter or digit and contain only letters, digits, '-', '_' or '.'"
    }

    /// `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`
    static func isQualifiedNamePart<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        guard let first = bytes.first, isAlnum(first) else { return false }
        var last = first
        for b in bytes {
            guard isAlnum(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") else {
                return false
            }
            last = b
        }
        return isAlnum(last)
    }

    /// DNS-1123 subdomain: dot-separated lowercase labels, at most 253 characters.
    static func dnsSubdomainProblem(_ s: Substring) -> String? {
        if s.isEmpty { return "is empty" }
        if s.utf8.count > maxPrefixLength { return "is longer than \(maxPrefixLength) characters" }
        for part in s.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard let f = part.first, let l = part.last, isLowerAlnum(f), isLowerAlnum(l),
                  part.allSatisfy({ isLowerAlnum($0) || $0 == UInt8(ascii: "-") })
            else { return "must be a lowercase DNS subdomain such as app.kubernetes.io" }
        }
        return nil
    }

    static func isAlnum(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    static func isLowerAlnum(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
