/// How a string is written so that it reads back as the same string, chosen as
/// go-yaml v2 (kubectl's `-o yaml`) chooses: plain when unambiguous, double
/// quotes when the plain text would mean another type or needs escapes, single
/// quotes when only YAML syntax is in the way, literal blocks for multi-line text.
enum ScalarStyle: Equatable {
    case plain
    case singleQuoted
    case doubleQuoted
    /// `|`, with an indentation indicator when the first line starts with a space.
    case literal

    /// Keys are never literal blocks (a simple key is one line).
    static func choose(for s: UnsafeBufferPointer<UInt8>, isKey: Bool) -> ScalarStyle {
        guard let first = s.first, let last = s.last else { return .doubleQuoted }
        var hasBreak = false
        var spaceBeforeBreak = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == 0x0A {
                hasBreak = true
                if i > 0, s[i - 1] == 0x20 { spaceBeforeBreak = true }
            } else if !isPrintable(s, at: i) {
                return .doubleQuoted
            }
            i += 1
        }
        if hasBreak {
            // libyaml's rule: a literal block cannot hold trailing spaces on a line.
            let literalAllowed = !isKey && !spaceBeforeBreak && last != 0x20 && first != 0x0A
            return literalAllowed ? .literal : .doubleQuoted
        }
        if PlainScalarResolver.resolve(s) != .string || s.elementsEqual("<<".utf8) || looksLikeBase60Float(s) {
            return .doubleQuoted
        }
        return isPlainSafe(s) ? .plain : .singleQuoted
    }

    /// Printable as YAML (and libyaml's emitter) means, less the Unicode line
    /// separators libyaml reads as breaks. Supplementary characters (emoji) are
    /// printable and written as they are. Tab, CR, DEL, C1 controls, BOM are not.
    @inline(__always)
    static func isPrintable(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let c = s[i]
        if c < 0x80 { return c >= 0x20 && c != 0x7F }
        if c < 0xC0 { return true }  // continuation bytes are judged with their lead byte
        let c1 = i + 1 < s.count ? s[i + 1] : 0
        let c2 = i + 2 < s.count ? s[i + 2] : 0
        switch c {
        case 0xC2: return c1 >= 0xA0  // C1 controls, NEL
        case 0xE2: return !(c1 == 0x80 && (c2 == 0xA8 || c2 == 0xA9))  // LS, PS
        case 0xEF: return !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF))
        default: return true
        }
    }

    /// Plain text that YAML syntax would not cut short or read as structure.
    private static func isPlainSafe(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = s.first, let last = s.last else { return false }
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), 0x20:
            return false
        default:
            break
        }
        if last == 0x20 || last == UInt8(ascii: ":") { return false }
        if s.count >= 3, first == UInt8(ascii: "."), s[1] == UInt8(ascii: "."), s[2] == UInt8(ascii: ".") { return false }
        for i in 1..<s.count {
            let c = s[i], previous = s[i - 1]
            if c == 0x20 && previous == UInt8(ascii: ":") { return false }  // ": "
            if c == UInt8(ascii: "#") && previous == 0x20 { return false }  // " #"
        }
        return true
    }

    /// go-yaml v2 quotes YAML 1.1 sexagesimal numbers ("1:20") so older parsers
    /// do not read them as numbers: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
    static func looksLikeBase60Float(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        if i < n, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") { i += 1 }
        guard i < n, GoNumberSyntax.isDigit(s[i]) else { return false }
        while i < n, GoNumberSyntax.isDigit(s[i]) || s[i] == UInt8(ascii: "_") { i += 1 }
        var groups = 0
        while i < n, s[i] == UInt8(ascii: ":") {
            i += 1
            let start = i
            while i < n, GoNumberSyntax.isDigit(s[i]), i - start < 2 { i += 1 }
            let count = i - start
            guard count == 1 || (count == 2 && s[start] <= UInt8(ascii: "5")) else { return false }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < n, s[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, GoNumberSyntax.isDigit(s[i]) || s[i] == UInt8(ascii: "_") { i += 1 }
        }
        return i == n
    }
}
