import Foundation
import Testing
@testable import JSON

/// The API accepts deeper objects than we build (preserve-unknown-fields, up to Go's
/// 10,000 levels): responses replace such a value with a marker instead of failing.
@Suite struct JSONDepthPolicyTests {
    static func deep(_ levels: Int, leaf: String = "1") -> String {
        String(repeating: "{\"k\":[", count: levels / 2) + leaf + String(repeating: "]}", count: levels / 2)
    }

    @Test func aListWithOneOverlyDeepItemKeepsTheOthers() throws {
        let text = #"{"items":[{"name":"a"},{"name":"b","spec":"# + Self.deep(1_500, leaf: #""x]}\"[{""#) + #"},{"name":"c"}]}"#
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        let v = try JSONParser.parse(Data(text.utf8), depthPolicy: .replaceWithMarker)
        let items = try #require(v["items"]?.arrayValue)
        #expect(items.map { $0["name"] } == ["a", "b", "c"])
        // The marker sits at the depth limit inside b's spec; everything above it is kept.
        var cursor = try #require(items[1]["spec"])
        var levels = 0
        while case .array(let a)? = cursor["k"], let next = a.first { cursor = next; levels += 2 }
        #expect(cursor["k"] == JSONParser.overlyDeepMarker)
        #expect(levels > 900 && levels < 1_000)
    }

    @Test(arguments: [
        Self.deep(1_500, leaf: "[") ,                  // brackets never close
        Self.deep(1_500, leaf: "\"unterminated"),
        String(repeating: "[", count: 1_200) + String(repeating: "}", count: 1_200),
    ])
    func malformedDeepValuesAreStillErrors(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Data(text.utf8), depthPolicy: .replaceWithMarker) }
    }

    @Test func valuesWithinTheLimitAreUnchanged() throws {
        let text = Self.deep(900)
        #expect(try JSONParser.parse(Data(text.utf8), depthPolicy: .replaceWithMarker) == JSONParser.parse(text))
    }
}
