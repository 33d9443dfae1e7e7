import JSON

/// Turns a mapping key into the JSON object key sigs.k8s.io/yaml would give it:
/// strings as they are, integers in decimal, booleans as "true"/"false", floats
/// in Go's `%g` at float32 precision (1e6 → "1e+06"). Null, uint64 and
/// collection keys are refused, as kubectl refuses them.
enum MappingKey {
    static func string(resolved: ResolvedScalar, text: UnsafeBufferPointer<UInt8>) -> Result<String, KeyError> {
        switch resolved {
        case .string: return .success(String(decoding: text, as: UTF8.self))
        case .unsigned:
            return .failure(KeyError(message:
                "mapping key \(String(decoding: text, as: UTF8.self)) does not fit a 64-bit signed integer; quote it to use it as a string"))
        default: return string(for: resolved.value(text: ""))
        }
    }

    static func string(for value: JSONValue) -> Result<String, KeyError> {
        switch value {
        case .string(let s): return .success(s)
        case .int(let i): return .success(String(i))
        case .bool(let b): return .success(b ? "true" : "false")
        case .double(let d): return .success(goFloat32G(d))
        case .null:
            return .failure(KeyError(message: "mapping key is null; quote it (\"~\", \"null\") to use it as a string"))
        case .array:
            return .failure(KeyError(message: "invalid map key: a sequence cannot be a mapping key"))
        case .object:
            return .failure(KeyError(message: "invalid map key: a mapping cannot be a mapping key"))
        }
    }

    struct KeyError: Error {
        let message: String
    }

    /// Go's `strconv.FormatFloat(d, 'g', -1, 32)` with go-yaml's names for the
    /// non-finite values.
    static func goFloat32G(_ d: Double) -> String {
        let f = Float(d)
        if f.isNaN { return ".nan" }
        if f.isInfinite { return f < 0 ? "-.inf" : ".inf" }
        // Swift prints the shortest round-tripping digits, like Go; only the layout differs.
        var text = Substring(f.description)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let integerPart = text.prefix { $0 != "." }
        let fraction = text.drop { $0 != "." }.dropFirst()
        var digits = Array((integerPart + fraction).utf8)
        var pointPosition = integerPart.count + exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            pointPosition -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        let sign = negative ? "-" : ""
        if digits.isEmpty { return sign + "0" }
        let decimalExponent = pointPosition - 1
        if decimalExponent < -4 || decimalExponent >= 6 {
            var out = sign + String(decoding: digits[0...0], as: UTF8.self)
            if digits.count > 1 { out += "." + String(decoding: digits[1...], as: UTF8.self) }
            let magnitude = abs(decimalExponent)
            out += (decimalExponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
            return out
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + String(decoding: digits, as: UTF8.self)
        }
        if pointPosition >= digits.count {
            return sign + String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: pointPosition - digits.count)
        }
        return sign + String(decoding: digits[..<pointPosition], as: UTF8.self) + "."
            + String(decoding: digits[pointPosition...], as: UTF8.self)
    }
}
