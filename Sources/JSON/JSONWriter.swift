import Foundation

/// Serialises a `JSONValue` as JSON text: compact by default, keys in their
/// stored order (or sorted, for canonical forms such as hashes).
public enum JSONWriter {
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let pretty = Options(rawValue: 1)
        public static let sortedKeys = Options(rawValue: 2)
    }

    public static func data(_ value: JSONValue, options: Options = []) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, into: &out, options: options, indent: 0)
        return Data(out)
    }

    public static func string(_ value: JSONValue, options: Options = []) -> String {
        var out: [UInt8] = []
        write(value, into: &out, options: options, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    public static func write(_ value: JSONValue, into out: inout [UInt8], options: Options = [], indent: Int = 0) {
        let pretty = options.contains(.pretty)
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let v): out.append(contentsOf: (v ? "true" : "false").utf8)
        case .int(let v): out.append(contentsOf: String(v).utf8)
        case .double(let v): out.append(contentsOf: formatDouble(v).utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            if a.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (n, e) in a.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(&out, indent + 1) }
                write(e, into: &out, options: options, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            let keys = options.contains(.sortedKeys) ? o.keys.sorted() : o.keys
            var first = true
            for k in keys {
                guard let v = o[k] else { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                if pretty { newline(&out, indent + 1) }
                writeString(k, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(v, into: &out, options: options, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    /// Shortest round-tripping form; non-finite numbers have no JSON form and become null.
    public static func formatDouble(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return "\(d)"
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { u in
            var runStart = 0
            for (idx, c) in u.enumerated() {
                let esc: UInt8?
                switch c {
                case 0x22: esc = 0x22
                case 0x5C: esc = 0x5C
                case 0x0A: esc = UInt8(ascii: "n")
                case 0x0D: esc = UInt8(ascii: "r")
                case 0x09: esc = UInt8(ascii: "t")
                case 0x00..<0x20: esc = 0
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<idx]))
                runStart = idx + 1
                out.append(0x5C)
                if let e = esc, e != 0 {
                    out.append(e)
                } else {
                    out.append(contentsOf: "u00".utf8)
                    out.append(hexDigits[Int(c >> 4)])
                    out.append(hexDigits[Int(c & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[runStart..<u.count]))
        }
        out.append(0x22)
    }
}
