/// Cilium's toFQDNs name and pattern syntax (schema patterns
/// `^([-a-zA-Z0-9_]+[.]?)+$` and `^([-a-zA-Z0-9_*]+[.]?)+$`, at most 255 chars).
enum FQDNSyntax {
    static let maxLength = 255

    static func nameProblem(_ s: String) -> String? { problem(s, allowWildcard: false) }
    static func patternProblem(_ s: String) -> String? { problem(s, allowWildcard: true) }

    private static func problem(_ s: String, allowWildcard: Bool) -> String? {
        if s.isEmpty { return "is empty; write a DNS name such as api.example.com" }
        if s.utf8.count > maxLength { return "is \(s.utf8.count) characters; the limit is \(maxLength)" }
        // The pattern means: labels of allowed characters, each optionally followed by one dot.
        var previousDot = true
        for b in s.utf8 {
            if b == UInt8(ascii: ".") {
                if previousDot { return "\"\(s)\" has an empty label (\"..\" or a leading dot); remove the extra dot" }
                previousDot = true
                continue
            }
            previousDot = false
            if LabelSyntax.isAlnum(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") { continue }
            if b == UInt8(ascii: "*") {
                if allowWildcard { continue }
                return "\"\(s)\" contains '*'; use matchPattern for wildcards"
            }
            return "\"\(s)\" contains a character that is not allowed; use letters, digits, '-', '_', '.'"
                + (allowWildcard ? " and '*'" : "")
        }
        return nil
    }
}
