import JSON

/// Writes values as block-style YAML the way `kubectl -o yaml` lays it out:
/// 2-space indentation, sequences in mappings at the key's column (`key:\n- a`),
/// keys in stored order, `{}`/`[]` for empty collections.
struct BlockEmitter {
    private var out: [UInt8] = []

    /// Longer keys are written as explicit `? key` entries: libyaml reads simple keys of at most 1024 characters.
    private static let maxSimpleKeyBytes = 1000

    /// Fold long values at 80 columns as go-yaml does (off: one line per value, stable diffs).
    private let foldsLongLines: Bool

    init(foldsLongLines: Bool = false) {
        self.foldsLongLines = foldsLongLines
        out.reserveCapacity(4096)
    }

    var text: String { String(decoding: out, as: UTF8.self) }

    mutating func separator() {
        out.append(contentsOf: "---\n".utf8)
    }

    mutating func document(_ value: JSONValue) {
        switch value {
        case .object(let o) where !o.isEmpty: mapping(o, indent: 0, inline: false)
        case .array(let a) where !a.isEmpty: sequence(a, indent: 0, inline: false)
        // go-yaml folds long root scalars at column 0, where a folded line could read as "---"; we never fold them.
        default: scalar(value, indent: 0, isRoot: true)
        }
    }

    // MARK: - Collections

    /// `inline`: the first entry goes on the current line (after a sequence's "- ").
    private mutating func mapping(_ object: JSONObject, indent: Int, inline: Bool) {
        var first = true
        for (key, value) in object {
            if !(first && inline) { spaces(indent) }
            first = false
            self.key(key, indent: indent)
            out.append(UInt8(ascii: ":"))
            switch value {
            case .object(let o) where !o.isEmpty:
                out.append(0x0A)
                mapping(o, indent: indent + 2, inline: false)
            case .array(let a) where !a.isEmpty:
                out.append(0x0A)
                sequence(a, indent: indent, inline: false)
            default:
                out.append(0x20)
                scalar(value, indent: indent)
            }
        }
    }

    private mutating func sequence(_ items: [JSONValue], indent: Int, inline: Bool) {
        for (i, item) in items.enumerated() {
            if !(i == 0 && inline) { spaces(indent) }
            out.append(contentsOf: "- ".utf8)
            switch item {
            case .object(let o) where !o.isEmpty: mapping(o, indent: indent + 2, inline: true)
            case .array(let a) where !a.isEmpty: sequence(a, indent: indent + 2, inline: true)
            default: scalar(item, indent: indent)
            }
        }
    }

    // MARK: - Scalars

    /// A scalar and its line end; `indent` is the column of the owning key or dash.
    private mutating func scalar(_ value: JSONValue, indent: Int, isRoot: Bool = false) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: Self.format(d).utf8)
        case .array: out.append(contentsOf: "[]".utf8)
        case .object: out.append(contentsOf: "{}".utf8)
        case .string(var s):
            let wroteLiteral = s.withUTF8 { bytes -> Bool in
                let style = ScalarStyle.choose(for: bytes, isKey: false)
                guard style == .literal else {
                    let folding = foldsLongLines && !isRoot ? folding(indent: indent + 2, length: bytes.count) : nil
                    ScalarWriter.write(bytes, style: style, folding: folding, into: &out)
                    return false
                }
                ScalarWriter.literal(bytes, contentIndent: indent + 2, into: &out)
                return true
            }
            // A literal block ends its own lines.
            if wroteLiteral { return }
        }
        out.append(0x0A)
    }

    private mutating func key(_ key: String, indent: Int) {
        var key = key
        let start = out.count
        key.withUTF8 { bytes in
            ScalarWriter.write(bytes, style: ScalarStyle.choose(for: bytes, isKey: true), into: &out)
        }
        // Measured as written (escapes included); bytes are never fewer than characters.
        if out.count - start > Self.maxSimpleKeyBytes {
            out.insert(contentsOf: "? ".utf8, at: start)
            out.append(0x0A)
            spaces(indent)
        }
    }

    /// Folding for a value about to be written, nil when it ends before the fold width
    /// (bytes are never fewer than characters, so that check needs no counting).
    private func folding(indent: Int, length: Int) -> ScalarWriter.Folding? {
        let lineStart = (out.lastIndex(of: 0x0A) ?? -1) + 1
        guard out.count - lineStart + length > ScalarWriter.Folding.width else { return nil }
        var column = 0
        for i in lineStart..<out.count where out[i] & 0xC0 != 0x80 { column += 1 }
        return ScalarWriter.Folding(indent: indent, column: column)
    }

    /// A form that reads back as a float: always with '.' or an exponent.
    static func format(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        return d.description
    }

    private mutating func spaces(_ n: Int) {
        out.append(contentsOf: repeatElement(0x20, count: n))
    }
}
