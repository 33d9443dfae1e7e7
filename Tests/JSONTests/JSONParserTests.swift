import Foundation
import Testing
@testable import JSON

@Suite struct JSONParserTests {
    // MARK: valid documents
    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        (" false ", .bool(false)),
        ("0", .int(0)),
        ("-12", .int(-12)),
        ("9223372036854775807", .int(Int64.max)),
        ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .double(9223372036854775808)),
        ("1.5", .double(1.5)),
        ("1e3", .double(1000)),
        ("-0.25E-2", .double(-0.0025)),
        ("\"a\\\"b\\\\c\\/d\\n\"", .string("a\"b\\c/d\n")),
        ("\"\\u00e9\\ud83d\\ude00\"", .string("é😀")),
        ("\"\\ud800\"", .string("\u{FFFD}")),
        ("[]", .array([])),
        ("[1,[2,{}]]", .array([.int(1), .array([.int(2), .object([:])])])),
        ("{\"a\":1,\"a\":2}", .object(["a": .int(2)])),
        ("\u{FEFF}{}", .object([:])),
    ])
    func parses(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    // MARK: invalid documents, with position
    @Test(arguments: [
        ("", 1, 1),
        ("{", 1, 2),
        ("[1,]", 1, 4),
        ("{\"a\" 1}", 1, 6),
        ("01", 1, 2),
        ("1.", 1, 3),
        ("tru", 1, 1),
        ("\"abc", 1, 1),
        ("\"a\\x\"", 1, 3),
        ("[1]\n x", 2, 2),
        ("{\"k\": \"\u{01}\"}", 1, 8),
        ("-", 1, 2),
    ])
    func rejects(text: String, line: Int, column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("accepted invalid JSON \(text.debugDescription)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
        }
    }

    @Test func rejectsNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 1_001) + String(repeating: "]", count: 1_001)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    /// Values at the limit parse, print, compare and hash on a task's thread without
    /// exhausting its stack (the API server allows deeper preserve-unknown-fields objects;
    /// Go's limit is 10,000, ours is lower because these walks are recursive).
    @Test func handlesTheMaximumNestingOnATaskThread() async throws {
        let text = String(repeating: "{\"a\":[", count: 499) + "1" + String(repeating: "]}", count: 499)
        let value = try await Task.detached { try JSONParser.parse(text) }.value
        let copy = try await Task.detached { try JSONParser.parse(JSONWriter.data(value)) }.value
        #expect(value == copy)
        #expect(value.hashValue == copy.hashValue)
    }

    @Test func keepsKeyOrder() throws {
        let v = try JSONParser.parse(#"{"z":1,"a":2,"m":{"y":1,"b":2}}"#)
        #expect(v.objectValue?.keys == ["z", "a", "m"])
        #expect(JSONWriter.string(v) == #"{"z":1,"a":2,"m":{"y":1,"b":2}}"#)
        #expect(JSONWriter.string(v, options: .sortedKeys) == #"{"a":2,"m":{"b":2,"y":1},"z":1}"#)
    }
}

@Suite struct JSONWriterTests {
    @Test(arguments: [
        (JSONValue.string("tab\there \"q\" \u{01}"), #""tab\there \"q\" \u0001""#),
        (.double(1.0), "1.0"),
        (.double(0.1), "0.1"),
        (.double(.infinity), "null"),
        (.int(-3), "-3"),
        (.array([.null, .bool(true)]), "[null,true]"),
    ])
    func writes(value: JSONValue, expected: String) {
        #expect(JSONWriter.string(value) == expected)
    }

    @Test func roundTripsThroughFoundation() throws {
        let text = #"{"a":[1,2.5,"x",null,true,{"b":"é"}],"c":{}}"#
        let v = try JSONParser.parse(text)
        let back = try JSONParser.parse(JSONWriter.data(v))
        #expect(v == back)
        let any = try JSONSerialization.jsonObject(with: JSONWriter.data(v))
        #expect((any as? [String: Any])?["c"] != nil)
    }

    @Test func mergePatch() throws {
        let base: JSONValue = ["a": 1, "b": ["c": 2, "d": 3]]
        let patch: JSONValue = ["b": ["c": .null, "e": 4], "f": "x"]
        #expect(base.mergePatched(with: patch) == ["a": 1, "b": ["d": 3, "e": 4], "f": "x"])
    }

    @Test func codableBridge() throws {
        struct M: Codable, Equatable { var name: String; var n: Int; var extra: JSONValue? }
        let v: JSONValue = ["name": "x", "n": 3, "extra": ["k": [1, 2]]]
        let m = try v.decode(M.self)
        #expect(m == M(name: "x", n: 3, extra: ["k": [1, 2]]))
        #expect(throws: JSONDecodeError.self) { try (["name": 1] as JSONValue).decode(M.self) }
        let back = try JSONValue(encoding: m)
        #expect(back["extra"]?["k"]?[1] == .int(2))
    }
}
