import JSON
import Testing
import YAML

/// Plain, quoted and tagged scalars resolve as go-yaml v2 resolves them for kubectl.
@Suite struct ScalarResolutionTests {
    static let cases: [ScalarCase] = [
        // MARK: YAML 1.1 booleans
        .init("y", true), .init("Y", true), .init("yes", true), .init("Yes", true), .init("YES", true),
        .init("true", true), .init("True", true), .init("TRUE", true),
        .init("on", true), .init("On", true), .init("ON", true),
        .init("n", false), .init("N", false), .init("no", false), .init("No", false), .init("NO", false),
        .init("false", false), .init("False", false), .init("FALSE", false),
        .init("off", false), .init("Off", false), .init("OFF", false),
        .init("yES", "yES"), .init("tRUE", "tRUE"), .init("o", "o"), .init("yes!", "yes!"),

        // MARK: Nulls
        .init("~", .null), .init("null", .null), .init("Null", .null), .init("NULL", .null), .init("", .null),
        .init("nULL", "nULL"), .init("nil", "nil"),

        // MARK: Integers
        .init("0", 0), .init("42", 42), .init("-17", -17), .init("+17", 17),
        .init("0x1F", 31), .init("0X1f", 31), .init("-0x10", -16), .init("+0x10", 16),
        .init("0o17", 15), .init("0O17", 15), .init("0777", 511), .init("-0777", -511), .init("00", 0),
        .init("0b1010", 10), .init("-0b11", -3),
        .init("1_000", 1000), .init("0x_FF", 255), .init("1__0_", 10),
        .init("9223372036854775807", .int(Int64.max)), .init("-9223372036854775808", .int(Int64.min)),

        // MARK: Integers past Int64 become doubles
        .init("9223372036854775808", .double(9_223_372_036_854_775_808)),
        .init("18446744073709551615", .double(18_446_744_073_709_551_616)),
        .init("-9223372036854775809", .double(-9_223_372_036_854_775_808)),
        .init("0xFFFFFFFFFFFFFFFF", .double(18_446_744_073_709_551_616)),
        .init("123456789012345678901234567890", .double(1.2345678901234568e29)),
        .init("0x1FFFFFFFFFFFFFFFF", "0x1FFFFFFFFFFFFFFFF"),

        // MARK: Floats
        .init("1.5", 1.5), .init("-1.5", -1.5), .init("1e3", 1000.0), .init("1E3", 1000.0), .init("+1e-2", 0.01),
        .init(".5", 0.5), .init("-.5", -0.5), .init("1.", 1.0), .init(".5e3", 500.0), .init("1_0.5", 10.5),
        .init("08", 8.0), .init("09.5", 9.5),
        .init(".inf", .double(.infinity)), .init(".Inf", .double(.infinity)), .init(".INF", .double(.infinity)),
        .init("+.inf", .double(.infinity)), .init("-.inf", .double(-.infinity)), .init("-.Inf", .double(-.infinity)),
        .init("1e400", "1e400"), .init(".infinity", ".infinity"), .init("Infinity", "Infinity"),

        // MARK: Strings that look almost like numbers
        .init("1.5.3", "1.5.3"), .init("0x", "0x"), .init("0xG", "0xG"), .init("0b2", "0b2"), .init("1e", "1e"),
        .init("12abc", "12abc"), .init("+", "+"), .init("-x", "-x"), .init(".", "."), .init("1:20", "1:20"),
        .init("2001-12-14", "2001-12-14"), .init("2001-12-14T21:59:43.10-05:00", "2001-12-14T21:59:43.10-05:00"),
        .init("<<", "<<"), .init("nan", "nan"), .init("a b  c", "a b  c"), .init("a#b", "a#b"),

        // MARK: Quoted scalars are always strings
        .init("\"123\"", "123"), .init("'true'", "true"), .init("\"~\"", "~"), .init("'null'", "null"),
        .init("\"\"", ""), .init("''", ""), .init("'it''s'", "it's"),
        .init(#""tab\there \u00e9 \U0001F600""#, "tab\there é 😀"),

        // MARK: Explicit tags
        .init("!!str 123", "123"), .init("!!str true", "true"), .init("!!int \"42\"", 42), .init("!!int 0x10", 16),
        .init("!!float 1", 1.0), .init("!!float 0x10", 16.0), .init("!!bool yes", true), .init("!!bool 'off'", false),
        .init("!!null ~", .null), .init("!!null ''", .null), .init("!<tag:yaml.org,2002:int> 7", 7),
        .init("!!binary aGVsbG8=", "aGVsbG8="), .init("!!timestamp 2001-12-14", "2001-12-14"),
        .init("!foo 12", "12"), .init("! 12", "12"), .init("!!map x", "x"),
    ]

    @Test(arguments: cases)
    func resolvesScalar(_ c: ScalarCase) throws {
        let doc = try YAML.parse("v: \(c.text)\n")
        #expect(doc["v"] == c.expected)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN", "!!float .nan"])
    func resolvesNaN(_ text: String) throws {
        let doc = try YAML.parse("v: \(text)\n")
        guard case .double(let d)? = doc["v"] else {
            Issue.record("expected a double, got \(String(describing: doc["v"]))")
            return
        }
        #expect(d.isNaN)
    }

    // MARK: Tags that contradict the text

    @Test(arguments: [
        ("!!int abc", "cannot decode !!str `abc` as a !!int"),
        ("!!int 1.5", "cannot decode !!float `1.5` as a !!int"),
        ("!!bool 1", "cannot decode !!int `1` as a !!bool"),
        ("!!null foo", "cannot decode !!str `foo` as a !!null"),
        ("!!float true", "cannot decode !!bool `true` as a !!float"),
    ])
    func rejectsTagMismatch(_ text: String, _ message: String) {
        #expect(throws: YAMLError(message: message, line: 1, column: 4, documentIndex: 0)) {
            try YAML.parse("v: \(text)\n")
        }
    }
}
