/// YAML 1.1 resolution of an untagged plain scalar, as go-yaml v2's
/// `resolve("", text)` does it (which is what kubectl sees through sigs.k8s.io/yaml).
/// Timestamps are not recognised: go-yaml hands them to sigs.k8s.io/yaml as the
/// original text, which is what `.string` gives.
enum PlainScalarResolver {
    private enum Hint { case sign, digit, word, dot }

    static func resolve(_ b: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        guard let first = b.first else { return .null }
        let hint: Hint
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"): hint = .sign
        case UInt8(ascii: "0")...UInt8(ascii: "9"): hint = .digit
        case UInt8(ascii: "."): hint = .dot
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            hint = .word
        default: return .string
        }
        // Only look the table up where an entry could match: no entry starts with a digit,
        // words are at most 5 bytes, ".inf" 4 and "+.inf" 5 (small Strings, no allocation).
        let mayBeKnown: Bool
        switch hint {
        case .digit: mayBeKnown = false
        case .dot: mayBeKnown = b.count == 4
        case .sign: mayBeKnown = b.count == 5
        case .word: mayBeKnown = b.count <= 5
        }
        if mayBeKnown, let known = known(String(decoding: b, as: UTF8.self)) { return known }
        switch hint {
        case .word:
            return .string
        case .dot:
            // Go's ParseFloat on text starting with '.': only `.digits` with an optional exponent.
            if GoNumberSyntax.isYAMLStyleFloat(b), let d = GoNumberSyntax.finiteDouble(b) { return .double(d) }
            return .string
        case .sign, .digit:
            return resolveNumber(b)
        }
    }

    /// go-yaml drops every underscore, then tries ParseInt, ParseUint and its float pattern.
    private static func resolveNumber(_ b: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        if b.contains(UInt8(ascii: "_")) {
            let plain = b.filter { $0 != UInt8(ascii: "_") }
            return plain.withUnsafeBufferPointer { resolveNumberWithoutUnderscores($0) }
        }
        return resolveNumberWithoutUnderscores(b)
    }

    private static func resolveNumberWithoutUnderscores(_ b: UnsafeBufferPointer<UInt8>) -> ResolvedScalar {
        if let i = GoNumberSyntax.parseSigned(b) { return .int(i) }
        if let u = GoNumberSyntax.parseUnsigned(b) { return .unsigned(u) }
        if GoNumberSyntax.isYAMLStyleFloat(b), let d = GoNumberSyntax.finiteDouble(b) { return .double(d) }
        return .string
    }

    /// go-yaml v2's resolve table: YAML 1.1 booleans, nulls and special floats.
    private static func known(_ s: String) -> ResolvedScalar? {
        switch s {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
            return .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
            return .bool(false)
        case "~", "null", "Null", "NULL":
            return .null
        case ".nan", ".NaN", ".NAN":
            return .double(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
            return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF":
            return .double(-.infinity)
        default:
            return nil
        }
    }
}
