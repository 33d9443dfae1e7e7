import Foundation
import JSON

/// Renders one log line as logfmt or JSON.
enum LogLineFormatter {
    static func format(_ format: LogFormat, time: Date, level: LogLevel, message: String,
                       fields: [(key: String, value: String)]) -> String {
        let ts = timestamp(time)
        switch format {
        case .json:
            var o = JSONObject()
            o["time"] = .string(ts)
            o["level"] = .string(level.name)
            o["msg"] = .string(message)
            for (k, v) in fields { o[k] = .string(v) }
            return JSONWriter.string(.object(o))
        case .logfmt:
            var s = "time=\(ts) level=\(level.name) msg=\(logfmtValue(message))"
            for (k, v) in fields {
                s += " "
                s += logfmtKey(k)
                s += "="
                s += logfmtValue(v)
            }
            return s
        }
    }

    /// RFC 3339 UTC with milliseconds.
    static func timestamp(_ d: Date) -> String { Timestamp.rfc3339(d, fractionDigits: 3) }

    /// Keys may not contain spaces, `=` or quotes; those bytes become `_`.
    static func logfmtKey(_ k: String) -> String {
        guard k.utf8.contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\"") }) else { return k }
        return String(decoding: k.utf8.map { ($0 <= 0x20 || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\"")) ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }

    /// Quotes a value when it is empty or holds spaces, `=`, quotes, backslashes or control bytes.
    static func logfmtValue(_ v: String) -> String {
        let needsQuotes = v.isEmpty || v.utf8.contains {
            $0 <= 0x20 || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7f
        }
        guard needsQuotes else { return v }
        var out = [UInt8]()
        out.reserveCapacity(v.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        for b in v.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
