/// Writes a string's bytes in a chosen `ScalarStyle`.
enum ScalarWriter {
    /// Where a long value may continue on the next line: go-yaml (so kubectl) breaks
    /// plain and quoted scalars at a single space once a line is past 80 columns.
    struct Folding {
        static let width = 80
        /// Column of continuation lines.
        let indent: Int
        /// Column (in characters) where the scalar starts.
        var column: Int
    }

    static func write(_ s: UnsafeBufferPointer<UInt8>, style: ScalarStyle, folding: Folding? = nil, into out: inout [UInt8]) {
        switch style {
        case .plain:
            if let folding { plainFolded(s, folding, into: &out) } else { out.append(contentsOf: s) }
        case .singleQuoted: singleQuoted(s, folding, into: &out)
        case .doubleQuoted, .literal: doubleQuoted(s, folding, into: &out)
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

    // MARK: - Flow scalars, folded at spaces

    private static func plainFolded(_ s: UnsafeBufferPointer<UInt8>, _ folding: Folding, into out: inout [UInt8]) {
        var line = LineState(folding)
        for i in 0..<s.count {
            if s[i] == 0x20, line.breaks(beforeSpaceAt: i, in: s, style: .plain, into: &out) { continue }
            line.write(s[i], into: &out)
        }
    }

    private static func singleQuoted(_ s: UnsafeBufferPointer<UInt8>, _ folding: Folding?, into out: inout [UInt8]) {
        var line = LineState(folding)
        line.write(UInt8(ascii: "'"), into: &out)
        for i in 0..<s.count {
            let c = s[i]
            if c == 0x20, line.breaks(beforeSpaceAt: i, in: s, style: .singleQuoted, into: &out) { continue }
            if c == UInt8(ascii: "'") { line.write(c, into: &out) }
            line.write(c, into: &out)
        }
        line.write(UInt8(ascii: "'"), into: &out)
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Escapes what is not printable; UTF-8 that is printable is written as it is.
    private static func doubleQuoted(_ s: UnsafeBufferPointer<UInt8>, _ folding: Folding?, into out: inout [UInt8]) {
        var line = LineState(folding)
        line.write(UInt8(ascii: "\""), into: &out)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == 0x20 {
                if line.breaks(beforeSpaceAt: i, in: s, style: .doubleQuoted, into: &out) {
                    // Continuation lines lose their leading spaces: escape the next one,
                    // which must then not become a break itself (libyaml counts it as spacing).
                    if i + 1 < s.count, s[i + 1] == 0x20 {
                        line.write(UInt8(ascii: "\\"), into: &out)
                        line.afterSpace = true
                    }
                } else {
                    line.write(c, into: &out)
                }
                i += 1
                continue
            }
            if let (escape, width) = escape(s, at: i) {
                for e in escape { line.write(e, into: &out) }
                i += width
            } else {
                line.write(c, into: &out)
                i += 1
            }
        }
        line.write(UInt8(ascii: "\""), into: &out)
    }

    /// The escape sequence for the character at `i` and its width in bytes, or nil to copy it.
    private static func escape(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> ([UInt8], Int)? {
        let c = s[i]
        switch c {
        case UInt8(ascii: "\""): return (Array(#"\""#.utf8), 1)
        case UInt8(ascii: "\\"): return (Array(#"\\"#.utf8), 1)
        case 0x0A: return (Array(#"\n"#.utf8), 1)
        case 0x09: return (Array(#"\t"#.utf8), 1)
        case 0x0D: return (Array(#"\r"#.utf8), 1)
        case 0x00: return (Array(#"\0"#.utf8), 1)
        case 0x1B: return (Array(#"\e"#.utf8), 1)
        case 0x00..<0x20, 0x7F: return (hexEscape(UInt32(c), digits: 2), 1)
        case 0xC2 where i + 1 < s.count && s[i + 1] < 0xA0:
            return (s[i + 1] == 0x85 ? Array(#"\N"#.utf8) : hexEscape(UInt32(s[i + 1]), digits: 2), 2)
        case 0xE2 where i + 2 < s.count && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9):
            return (s[i + 2] == 0xA8 ? Array(#"\L"#.utf8) : Array(#"\P"#.utf8), 3)
        case 0xEF where i + 2 < s.count && !ScalarStyle.isPrintable(s, at: i):
            let scalar = (UInt32(s[i] & 0x0F) << 12) | (UInt32(s[i + 1] & 0x3F) << 6) | UInt32(s[i + 2] & 0x3F)
            return (hexEscape(scalar, digits: 4), 3)
        default:
            return nil
        }
    }

    private static func hexEscape(_ value: UInt32, digits: Int) -> [UInt8] {
        var e: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: digits == 2 ? "x" : "u")]
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            e.append(hex[Int((value >> UInt32(shift)) & 0xF)])
        }
        return e
    }
}

/// The column and spacing state of the line a flow scalar is written on.
private struct LineState {
    let folding: ScalarWriter.Folding?
    var column: Int
    var afterSpace = false

    init(_ folding: ScalarWriter.Folding?) {
        self.folding = folding
        column = folding?.column ?? 0
    }

    /// Writes a byte, counting columns in characters (UTF-8 continuation bytes add none).
    @inline(__always)
    mutating func write(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(byte)
        if byte & 0xC0 != 0x80 { column += 1 }
        afterSpace = byte == 0x20
    }

    enum Style { case plain, singleQuoted, doubleQuoted }

    /// libyaml's rule: break instead of writing the space at `i` when the line is past the
    /// width and the space follows a non-space; quoted scalars keep their first and last
    /// character on the line, and only double quotes can break before a run of spaces
    /// (the writer escapes the next one).
    mutating func breaks(beforeSpaceAt i: Int, in s: UnsafeBufferPointer<UInt8>, style: Style, into out: inout [UInt8]) -> Bool {
        guard let folding, !afterSpace, column > ScalarWriter.Folding.width else { return false }
        let nextIsSpace = i + 1 < s.count && s[i + 1] == 0x20
        switch style {
        case .plain: if nextIsSpace { return false }
        case .singleQuoted: if nextIsSpace || i == 0 || i == s.count - 1 { return false }
        case .doubleQuoted: if i == 0 || i == s.count - 1 { return false }
        }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: folding.indent))
        column = folding.indent
        afterSpace = true
        return true
    }
}
