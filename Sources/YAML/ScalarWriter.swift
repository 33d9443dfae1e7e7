/// Writes a string's bytes in a chosen `ScalarStyle`.
enum ScalarWriter {
    static func write(_ s: UnsafeBufferPointer<UInt8>, style: ScalarStyle, into out: inout [UInt8]) {
        switch style {
        case .plain: out.append(contentsOf: s)
        case .singleQuoted: singleQuoted(s, into: &out)
        case .doubleQuoted, .literal: doubleQuoted(s, into: &out)
        }
    }

    /// `|`, `|-` or `|+` by the trailing newlines, `|2…` when the first line
    /// starts with a space (the indentation could not be detected otherwise);
    /// lines at `contentIndent`, empty lines without trailing spaces.
    static func literal(_ s: UnsafeBufferPointer<UInt8>, contentIndent: Int, into out: inout [UInt8]) {
        var end = s.count
        while end > 0, s[end - 1] == 0x0A { end -= 1 }
        let trailingBreaks = s.count - end
        out.append(UInt8(ascii: "|"))
        if s.first == 0x20 { out.append(UInt8(ascii: "2")) }
        if trailingBreaks == 0 { out.append(UInt8(ascii: "-")) } else if trailingBreaks > 1 { out.append(UInt8(ascii: "+")) }
        out.append(0x0A)
        var lineStart = 0
        while lineStart <= end {
            var lineEnd = lineStart
            while lineEnd < end, s[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd > lineStart {
                out.append(contentsOf: repeatElement(0x20, count: contentIndent))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[lineStart..<lineEnd]))
            }
            out.append(0x0A)
            lineStart = lineEnd + 1
        }
        // Kept (`|+`) breaks beyond the first are blank lines.
        if trailingBreaks > 1 { out.append(contentsOf: repeatElement(0x0A, count: trailingBreaks - 1)) }
    }

    private static func singleQuoted(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "'"))
        var runStart = 0
        for i in 0..<s.count where s[i] == UInt8(ascii: "'") {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart...i]))
            out.append(UInt8(ascii: "'"))
            runStart = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart...]))
        out.append(UInt8(ascii: "'"))
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Escapes what is not printable; copies runs of printable bytes (UTF-8 kept as is).
    private static func doubleQuoted(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            var escape: [UInt8]? = nil
            var width = 1
            switch c {
            case UInt8(ascii: "\""): escape = Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): escape = Array(#"\\"#.utf8)
            case 0x0A: escape = Array(#"\n"#.utf8)
            case 0x09: escape = Array(#"\t"#.utf8)
            case 0x0D: escape = Array(#"\r"#.utf8)
            case 0x00: escape = Array(#"\0"#.utf8)
            case 0x1B: escape = Array(#"\e"#.utf8)
            case 0x00..<0x20, 0x7F: escape = hexEscape(UInt32(c), digits: 2)
            case 0xC2 where i + 1 < s.count && s[i + 1] < 0xA0:
                width = 2
                escape = s[i + 1] == 0x85 ? Array(#"\N"#.utf8) : hexEscape(UInt32(s[i + 1]), digits: 2)
            case 0xE2 where i + 2 < s.count && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9):
                width = 3
                escape = s[i + 2] == 0xA8 ? Array(#"\L"#.utf8) : Array(#"\P"#.utf8)
            case 0xEF where i + 2 < s.count && !ScalarStyle.isPrintable(s, at: i):
                width = 3
                let scalar = (UInt32(s[i] & 0x0F) << 12) | (UInt32(s[i + 1] & 0x3F) << 6) | UInt32(s[i + 2] & 0x3F)
                escape = hexEscape(scalar, digits: 4)
            default:
                break
            }
            if let escape {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<i]))
                out.append(contentsOf: escape)
                i += width
                runStart = i
            } else {
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart...]))
        out.append(UInt8(ascii: "\""))
    }

    private static func hexEscape(_ value: UInt32, digits: Int) -> [UInt8] {
        var e: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: digits == 2 ? "x" : "u")]
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            e.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
        return e
    }
}
