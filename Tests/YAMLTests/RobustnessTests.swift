import JSON
import Testing
import YAML

/// Arbitrary input never crashes the parser, and whatever it accepts survives emit and re-parse.
@Suite struct RobustnessTests {
    /// Fragments that reach most of YAML's syntax: indicators, anchors, tags, merges, quotes, breaks.
    static let fragments = [
        "a", "b", "key", "1", "0x1F", "yes", "~", "null", "1e3", ".5", "<<", ": ", ":", "- ", "-", "? ", "?",
        "[", "]", "{", "}", ", ", ",", "&a ", "*a", "&b ", "*b", "!!int ", "!!str ", "!!binary ", "!foo ", "! ",
        "'", "\"", "''", "\"\\n\"", "\"\\t\"", "# c", " #", "|", "|-", "|+", ">", ">-", "|2", "\n", "\n  ", "\n    ",
        "\n- ", "\n  - ", "\t", "  ", "---\n", "...\n", "%YAML 1.1\n", "é", "😀", "\u{FEFF}", "\r\n", "\\",
    ]

    @Test func randomInputNeverCrashesAndRoundTrips() throws {
        var generator = ValueGenerator(seed: 0xF022)
        var accepted = 0
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<(generator.int(below: 24) + 1) { text += Self.fragments[generator.int(below: Self.fragments.count)] }
            let documents: [JSONValue]
            do {
                documents = try YAML.parseAll(text)
            } catch {
                #expect(error.line >= 1 && error.column >= 1, "\(text.debugDescription): \(error)")
                continue
            }
            accepted += 1
            // NaN is the one value not equal to itself.
            guard !documents.contains(where: { $0.containsDouble(where: { $0.isNaN }) }) else { continue }
            let emitted = YAML.emitAll(documents)
            let back = try YAML.parseAll(emitted)
            #expect(back == documents, "\(text.debugDescription) → \(emitted.debugDescription)")
            if back != documents { return }
        }
        // The fragments must produce valid YAML often enough for the round trip to mean something.
        #expect(accepted > 4000)
    }
}
