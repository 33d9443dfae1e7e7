import Foundation

/// A JSON syntax error with the position of the offending byte.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public let line: Int
    public let column: Int
    public var description: String { "invalid JSON at line \(line), column \(column): \(message)" }
}

/// Parses JSON text (RFC 8259) into a `JSONValue`. Integers that fit Int64 and
/// have no fraction or exponent become `.int`; all other numbers `.double`.
public enum JSONParser {
    /// Deeper documents are rejected rather than risking the stack.
    public static let maxDepth = 1_000

    /// What becomes of a value nested deeper than `maxDepth`.
    public enum DepthPolicy: Sendable {
        /// The document is rejected (the default).
        case reject
        /// The value is skipped without being built and replaced by `overlyDeepMarker`, so
        /// one pathological object cannot make a whole API list or watch unreadable.
        case replaceWithMarker
    }

    /// Stands in for a value that was nested too deeply to be kept.
    public static let overlyDeepMarker = JSONValue.string("<nesting deeper than 1000 levels was dropped>")

    public static func parse(_ data: Data, depthPolicy: DepthPolicy = .reject) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = data.withUnsafeBytes { raw in
            let buf = raw.bindMemory(to: UInt8.self)
            var p = Parser(buf)
            p.depthPolicy = depthPolicy
            do throws(JSONParseError) { return .success(try p.parseDocument()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Data(text.utf8))
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>, depthPolicy: DepthPolicy = .reject) throws(JSONParseError) -> JSONValue {
        var p = Parser(bytes)
        p.depthPolicy = depthPolicy
        return try p.parseDocument()
    }
}

private struct Parser {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0
    var depthPolicy = JSONParser.DepthPolicy.reject

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    func error(_ msg: String, at pos: Int? = nil) -> JSONParseError {
        let pos = min(pos ?? i, b.count)
        var line = 1, col = 1
        var k = 0
        while k < pos {
            if b[k] == 0x0A { line += 1; col = 1 } else if b[k] & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        return JSONParseError(message: msg, offset: pos, line: line, column: col)
    }

    mutating func skipWS() {
        while i < b.count {
            switch b[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        // A UTF-8 byte order mark is tolerated, as Go's decoder does not but kubectl's input path does.
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        skipWS()
        if i >= b.count { throw error("unexpected end of input, expected a value") }
        let v = try parseValue()
        skipWS()
        if i < b.count { throw error("unexpected '\(Character(Unicode.Scalar(b[i])))' after the top-level value") }
        return v
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard i < b.count else { throw error("unexpected end of input, expected a value") }
        switch b[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw error("unexpected character '\(printable(b[i]))', expected a value")
        }
    }

    func printable(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? String(Character(Unicode.Scalar(c))) : String(format: "\\x%02X", c)
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { throw error("unexpected end of input in literal") }
        let w = word.utf8Start
        for k in 0..<n where b[i + k] != w[k] {
            throw error("invalid literal, expected '\(word)'")
        }
        i += n
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        depth += 1
        if depth > JSONParser.maxDepth {
            guard depthPolicy == .replaceWithMarker else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
            depth -= 1
            try skipContainer()
            return JSONParser.overlyDeepMarker
        }
        i += 1
        var o = JSONObject()
        skipWS()
        if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(o) }
        while true {
            skipWS()
            guard i < b.count else { throw error("unexpected end of input in object") }
            guard b[i] == UInt8(ascii: "\"") else { throw error("expected a string key in object") }
            let key = try parseString()
            skipWS()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { throw error("expected ':' after object key") }
            i += 1
            skipWS()
            let v = try parseValue()
            // Duplicate keys: the last one wins, as in Go's encoding/json.
            o.appendUnchecked(key, v)
            skipWS()
            guard i < b.count else { throw error("unexpected end of input in object") }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; break }
            throw error("expected ',' or '}' in object")
        }
        depth -= 1
        return .object(o)
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        depth += 1
        if depth > JSONParser.maxDepth {
            guard depthPolicy == .replaceWithMarker else { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
            depth -= 1
            try skipContainer()
            return JSONParser.overlyDeepMarker
        }
        i += 1
        var a: [JSONValue] = []
        skipWS()
        if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(a) }
        while true {
            skipWS()
            a.append(try parseValue())
            skipWS()
            guard i < b.count else { throw error("unexpected end of input in array") }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; break }
            throw error("expected ',' or ']' in array")
        }
        depth -= 1
        return .array(a)
    }

    /// Steps over the object or array at `i` without building it, iteratively (its depth is
    /// what made building it unsafe), checking only that brackets and strings are balanced.
    mutating func skipContainer() throws(JSONParseError) {
        let start = i
        var open: [UInt8] = []
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                open.append(c)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard let last = open.popLast(), (last == UInt8(ascii: "{")) == (c == UInt8(ascii: "}")) else {
                    throw error("mismatched '\(Character(Unicode.Scalar(c)))'")
                }
                if open.isEmpty { i += 1; return }
            case UInt8(ascii: "\""):
                i += 1
                while i < b.count, b[i] != UInt8(ascii: "\"") {
                    if b[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                guard i < b.count else { throw error("unterminated string", at: start) }
            default:
                break
            }
            i += 1
        }
        throw error("unexpected end of input in a deeply nested value", at: start)
    }

    mutating func parseString() throws(JSONParseError) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw error("control character in string; escape it") }
            i += 1
        }
        var bytes = [UInt8](UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if c < 0x20 { throw error("control character in string; escape it") }
            if c != UInt8(ascii: "\\") { bytes.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { break }
            let e = b[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C)
            case UInt8(ascii: "/"): bytes.append(0x2F)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must pair with a low one; alone it becomes U+FFFD, as Go does.
                    if i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00..<0xE000).contains(scalar) {
                    scalar = 0xFFFD
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                bytes.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw error("invalid escape '\\\(printable(e))' in string", at: i - 2)
            }
        }
        throw error("unterminated string", at: start - 1)
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard i + 4 <= b.count else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = i
        var negative = false
        if b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        guard i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) else {
            throw error("invalid number: expected a digit")
        }
        var isInt = true
        var mag: UInt64 = 0
        var overflow = false
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) {
                throw error("invalid number: leading zero")
            }
        } else {
            while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) {
                let (m1, o1) = mag.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(b[i] - UInt8(ascii: "0")))
                if o1 || o2 { overflow = true }
                mag = m2
                i += 1
            }
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            isInt = false
            i += 1
            guard i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) else {
                throw error("invalid number: expected a digit after '.'")
            }
            while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            isInt = false
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) else {
                throw error("invalid number: expected a digit in the exponent")
            }
            while i < b.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) { i += 1 }
        }
        if isInt && !overflow {
            if negative {
                if mag <= UInt64(Int64.max) + 1 { return .int(mag == UInt64(Int64.max) + 1 ? Int64.min : -Int64(mag)) }
            } else if mag <= UInt64(Int64.max) {
                return .int(Int64(mag))
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        guard let d = Double(text) else { throw error("invalid number '\(text)'", at: start) }
        return .double(d)
    }
}
