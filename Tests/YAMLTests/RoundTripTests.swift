import JSON
import Testing
import YAML

/// parse(emit(v)) == v for many generated values (fixed seed, so failures reproduce).
@Suite struct RoundTripTests {
    @Test func generatedValuesRoundTrip() throws {
        var generator = ValueGenerator(seed: 0x5EED_CAFE)
        for i in 0..<3000 {
            let value = generator.value(depth: 0)
            let text = YAML.emit(value)
            let back = try YAML.parse(text)
            #expect(back == value, "value #\(i) read back differently from:\n\(text)")
            if back != value { return }
        }
    }

    @Test func generatedStreamsRoundTrip() throws {
        var generator = ValueGenerator(seed: 42)
        for _ in 0..<200 {
            let documents = (0..<generator.int(below: 4) + 1).map { _ in generator.collection(depth: 1) }
            #expect(try YAML.parseAll(YAML.emitAll(documents)) == documents)
        }
    }

    @Test func manifestRoundTrips() throws {
        let docs = try YAML.parseAll(Fixtures.crdAndDeployment)
        #expect(try YAML.parseAll(YAML.emitAll(docs)) == docs)
    }
}

/// Random JSON values biased towards what trips YAML up: YAML 1.1 words, number
/// look-alikes, indicators, whitespace at the edges, line breaks, escapes, unicode.
struct ValueGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(below n: Int) -> Int { Int(next() % UInt64(n)) }

    static let words = [
        "true", "False", "yes", "no", "on", "OFF", "y", "n", "~", "null", "Null", "", "0", "-1", "+1", "0x1F",
        "0o17", "0777", "0b101", "1_000", "1e3", ".5", "-.inf", ".nan", "1.5", "08", "1:20", "2001-12-14",
        "<<", "-", "--", "---", "...", "?", ":", "- x", "a: b", "a #b", "#c", "&a", "*a", "!t", "|", ">", "'",
        "\"", "%", "@", "`", "[", "]", "{", "}", ",", "key", "value", "nginx:1.25", "é", "😀", "名前", "\\",
        "9223372036854775808", "18446744073709551615",
    ]
    static let pieces = [
        "a", "b", " ", "  ", "\n", "\n\n", "\t", ":", "#", "-", "'", "\"", "\\", "\r", "\u{7}", "\u{85}",
        "\u{2028}", "\u{FEFF}", "é", "😀", "x y", "1", ".", ",", "[", "}",
    ]

    mutating func string() -> String {
        if int(below: 8) == 0 { return longString() }
        if int(below: 2) == 0 { return Self.words[int(below: Self.words.count)] }
        var s = ""
        for _ in 0..<(int(below: 6) + 1) { s += Self.pieces[int(below: Self.pieces.count)] }
        return s
    }

    /// Past the 80-column fold width, with single and double spaces to fold at.
    mutating func longString() -> String {
        var s = ""
        for i in 0..<(int(below: 40) + 10) {
            if i > 0 { s += int(below: 5) == 0 ? "  " : " " }
            s += int(below: 3) == 0 ? Self.pieces[int(below: Self.pieces.count)] : Self.words[int(below: Self.words.count)]
        }
        return s
    }

    mutating func scalar() -> JSONValue {
        switch int(below: 8) {
        case 0: return .null
        case 1: return .bool(int(below: 2) == 0)
        case 2: return .int(Int64(bitPattern: next()) >> Int64(int(below: 64)))
        case 3:
            let candidates: [Double] = [0, -0.0, 1, -2.5, 1e16, 1e-7, 123456.789, .infinity, -.infinity,
                                        .greatestFiniteMagnitude, .leastNonzeroMagnitude]
            return .double(int(below: 2) == 0 ? candidates[int(below: candidates.count)]
                : Double(bitPattern: next() & 0x7FEF_FFFF_FFFF_FFFF))
        default: return .string(string())
        }
    }

    mutating func collection(depth: Int) -> JSONValue {
        let count = int(below: 4)
        if int(below: 2) == 0 {
            return .array((0..<count).map { _ in value(depth: depth + 1) })
        }
        var object = JSONObject()
        for _ in 0..<count { object[string()] = value(depth: depth + 1) }
        return .object(object)
    }

    mutating func value(depth: Int) -> JSONValue {
        depth < 4 && int(below: 3) != 0 ? collection(depth: depth) : scalar()
    }
}
