import JSON
import Testing
import YAML

/// On request, long values are folded at 80 columns exactly as kubectl (go-yaml v2) folds them, and read back unchanged.
@Suite struct FoldingTests {
    static let long = "This is a long description that goes on and on and on and on and on and on and on and on and on"

    @Test func foldsLikeKubectl() throws {
        let data: JSONValue = [
            "double": "tab\tThis is a long description that goes on and on  and on and on and on and on  and on and on and on and on and on",
            "list": [.string(Self.long), [.string(Self.long)], ["k": .string(Self.long)]],
            "nospace": .string(String(repeating: "a", count: 113)),
            "plain": .string(Self.long),
            "single": "'quoted' This is a long description that goes on and on and on and on and on and on and on and on",
        ]
        let text = YAML.emit(["data": data], foldingLongLines: true)
        // As kubectl v1.33 printed these values.
        #expect(text == #"""
            data:
              double: "tab\tThis is a long description that goes on and on  and on and on and
                on and on  and on and on and on and on and on"
              list:
              - This is a long description that goes on and on and on and on and on and on and
                on and on and on
              - - This is a long description that goes on and on and on and on and on and on and
                  on and on and on
              - k: This is a long description that goes on and on and on and on and on and on
                  and on and on and on
              nospace: \#(String(repeating: "a", count: 113))
              plain: This is a long description that goes on and on and on and on and on and on
                and on and on and on
              single: '''quoted'' This is a long description that goes on and on and on and on
                and on and on and on and on'

            """#)
        #expect(try YAML.parse(text) == ["data": data])
    }

    @Test func doubleQuotedFoldKeepsRunsOfSpaces() throws {
        let value: JSONValue = ["k": .string("\t" + String(repeating: "word ", count: 15) + "   spaced  out \t")]
        let text = YAML.emit(value, foldingLongLines: true)
        // The fold lands before the run of spaces; the continuation escapes its first space.
        #expect(text.contains("\n  \\ "), "\(text)")
        #expect(try YAML.parse(text) == value)
    }

    /// Past column 80 every single space may break: runs of spaces must still survive.
    @Test func deeplyIndentedValuesRoundTrip() throws {
        var value: JSONValue = ["k": "\tword  two   three    four  \t", "l": "plain words  with  doubles"]
        for level in 0..<45 { value = ["n\(level)": value] }
        #expect(try YAML.parse(YAML.emit(value, foldingLongLines: true)) == value)
    }

    @Test func keysAndRootScalarsAreNotFolded() throws {
        #expect(YAML.emit(.string(Self.long), foldingLongLines: true) == Self.long + "\n")
        #expect(YAML.emit([Self.long: 1], foldingLongLines: true) == Self.long + ": 1\n")
    }

    /// Committed files (generated CRDs, golden files) keep one line per value.
    @Test func plainEmitDoesNotFold() throws {
        #expect(YAML.emit(["k": .string(Self.long)]) == "k: \(Self.long)\n")
    }

    @Test func foldedGeneratedValuesRoundTrip() throws {
        var generator = ValueGenerator(seed: 0xF01D)
        for _ in 0..<1000 {
            let value: JSONValue = ["k": .string(generator.longString()), "l": [.string(generator.longString())],
                                    "v": generator.value(depth: 0)]
            guard !value.containsDouble(where: { $0.isNaN }) else { continue }
            #expect(try YAML.parse(YAML.emit(value, foldingLongLines: true)) == value)
        }
    }
}
