/// The number syntaxes go-yaml v2 accepts in plain scalars, which are Go's
/// `strconv.ParseInt(s, 0, 64)`, `strconv.ParseUint(s, 0, 64)` and its
/// YAML-style float pattern. Written over bytes so resolving a scalar does not
/// build a String first.
enum GoNumberSyntax {
    /// `strconv.ParseUint(s, 0, 64)`: optional 0b/0o/0x prefix, a bare leading 0
    /// means octal; no sign. Nil on a syntax or range error.
    static func parseUnsigned(_ b: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> UInt64? {
        var i = start
        let end = b.count
        guard i < end else { return nil }
        var base: UInt64 = 10
        if b[i] == UInt8(ascii: "0") {
            if end - i >= 3 {
                switch b[i + 1] | 0x20 {
                case UInt8(ascii: "b"): base = 2; i += 2
                case UInt8(ascii: "o"): base = 8; i += 2
                case UInt8(ascii: "x"): base = 16; i += 2
                default: base = 8; i += 1
                }
            } else {
                base = 8
                i += 1
            }
        }
        var value: UInt64 = 0
        while i < end {
            let c = b[i]
            let digit: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(c &- UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(c &- UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(c &- UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < base else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (s, o2) = m.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = s
            i += 1
        }
        return value
    }

    /// `strconv.ParseInt(s, 0, 64)`: an optional sign, then `parseUnsigned`'s syntax, within Int64.
    static func parseSigned(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let first = b.first else { return nil }
        let negative = first == UInt8(ascii: "-")
        let start = (negative || first == UInt8(ascii: "+")) ? 1 : 0
        guard let magnitude = parseUnsigned(b, from: start) else { return nil }
        if negative {
            if magnitude <= UInt64(Int64.max) { return -Int64(magnitude) }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// go-yaml v2's `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let end = b.count
        if i < end, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        let intStart = i
        i = skipDigits(b, i)
        if i == intStart {
            // `\.[0-9]+`
            guard i < end, b[i] == UInt8(ascii: "."), i + 1 < end, isDigit(b[i + 1]) else { return false }
            i = skipDigits(b, i + 1)
        } else if i < end, b[i] == UInt8(ascii: ".") {
            i = skipDigits(b, i + 1)
        }
        if i < end, b[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < end, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            let expStart = i
            i = skipDigits(b, i)
            guard i > expStart else { return false }
        }
        return i == end
    }

    /// The bytes of a float this file has already validated, as a finite Double;
    /// nil when out of range (Go's ParseFloat then fails and go-yaml keeps the string).
    static func finiteDouble(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let d = Double(String(decoding: b, as: UTF8.self)), d.isFinite else { return nil }
        return d
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    private static func skipDigits(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < b.count, isDigit(b[i]) { i += 1 }
        return i
    }
}
