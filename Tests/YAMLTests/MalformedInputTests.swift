import Foundation
import Testing
import YAML

/// Bad input is refused with what is wrong and where (1-based line and column, 0-based document).
@Suite struct MalformedInputTests {
    static let cases: [ErrorCase] = [
        // MARK: Syntax (libyaml)
        .init("mapping value in plain scalar", "a: b: c\n", line: 1, column: 5, "mapping values are not allowed in this context"),
        .init("unclosed double quote", "a: \"abc\nb: 2\n", line: 3, column: 1, "found unexpected end of stream (while scanning a quoted scalar at line 1, column 4)"),
        .init("unclosed single quote", "a: 'abc\n", line: 2, column: 1, "found unexpected end of stream"),
        .init("tab indentation", "a:\n\tb: 1\n", line: 2, column: 1, "found character that cannot start any token"),
        .init("bad indentation", "a:\n  b: 1\n c: 2\n", line: 3, column: 2, "did not find expected key (while parsing a block mapping at line 1, column 1)"),
        .init("dedented literal line", "a: |\n  x\n y\n", line: 3, column: 2, "did not find expected key"),
        .init("unclosed flow sequence", "[1, 2\n", line: 2, column: 1, "did not find expected ',' or ']'"),
        .init("unclosed flow mapping", "{a: 1", line: 2, column: 1, "did not find expected ',' or '}'"),
        .init("mapping after sequence", "- a\nb: 1\n", line: 2, column: 1, "did not find expected '-' indicator"),
        .init("key in a sequence", "a:\n  - b\n  c: d\n", line: 3, column: 3, "did not find expected '-' indicator"),
        .init("extra flow bracket", "key: [1, 2]]\n", line: 1, column: 12, "did not find expected key"),
        .init("reserved indicator", "a: @b\n", line: 1, column: 4, "found character that cannot start any token"),
        .init("unsupported YAML version", "%YAML 2.0\n---\na\n", line: 1, column: 1, "found incompatible YAML document"),
        .init("control character", "a: 1\nb: x\u{1}y\n", line: 2, column: 5, "control characters are not allowed"),
        .init("second document broken", "a: 1\n---\nb: [1, 2\n", line: 4, column: 1, document: 1, "did not find expected ',' or ']'"),

        // MARK: Meaning (go-yaml and sigs.k8s.io/yaml rules)
        .init("duplicate key", "a: 1\nb: 2\na: 3\n", line: 3, column: 1, "key \"a\" already set in map"),
        .init("duplicate key in third document", "a: 1\n---\nb: 2\n---\nc: 3\nc: 4\n", line: 6, column: 1, document: 2, "key \"c\" already set in map"),
        .init("duplicate key after conversion", "1: a\n\"1\": b\n", line: 2, column: 1, "key \"1\" already set in map"),
        .init("two spellings of false", "no: a\nn: b\n", line: 2, column: 1, "key \"false\" already set in map"),
        .init("undefined alias", "a: *nope\n", line: 1, column: 4, "unknown anchor 'nope' referenced"),
        .init("self-referencing anchor", "a: &x [*x]\n", line: 1, column: 8, "anchor 'x' value contains itself"),
        .init("merge of a scalar", "<<: 1\n", line: 1, column: 1, "map merge requires map or sequence of maps as the value"),
        .init("merge of a list with a scalar", "a: {x: 1}\nb:\n  <<: [{y: 2}, 3]\n", line: 3, column: 3, "map merge requires map or sequence of maps"),
        .init("merge of an alias to a list", "l: &l [{x: 1}]\nm:\n  <<: *l\n", line: 3, column: 3, "map merge requires map or sequence of maps"),
        .init("invalid base64", "a: !!binary \"!!!\"\n", line: 1, column: 4, "!!binary value contains invalid base64 data"),
        .init("null key", "~: x\n", line: 1, column: 1, "mapping key is null"),
        .init("sequence key", "? [a]\n: x\n", line: 1, column: 3, "invalid map key: a sequence cannot be a mapping key"),
        .init("mapping key via alias", "a: &m {x: 1}\n*m : 2\n", line: 2, column: 1, "invalid map key: a mapping cannot be a mapping key"),
        .init("uint64 key", "18446744073709551615: x\n", line: 1, column: 1, "does not fit a 64-bit signed integer"),
        .init("tag contradicting value", "a: 1\nb: !!int abc\n", line: 2, column: 4, "cannot decode !!str `abc` as a !!int"),
    ]

    @Test(arguments: cases)
    func reportsPosition(_ c: ErrorCase) {
        do {
            let docs = try YAML.parseAll(c.yaml)
            Issue.record("expected an error, parsed \(docs)")
        } catch {
            #expect(error.line == c.line)
            #expect(error.column == c.column)
            #expect(error.documentIndex == c.documentIndex)
            #expect(error.message.contains(c.messageContains), "message: \(error.message)")
        }
    }

    @Test func descriptionNamesDocumentLineAndColumn() {
        let error = YAMLError(message: "mapping values are not allowed in this context", line: 3, column: 5, documentIndex: 0)
        #expect(error.description == "yaml: document 1, line 3, column 5: mapping values are not allowed in this context")
    }

    @Test func parseRefusesMoreThanOneDocument() {
        #expect(throws: YAMLError(
            message: "expected a single document but found 2; use parseAll for multi-document streams",
            line: 2, column: 1, documentIndex: 1)) {
            try YAML.parse("a: 1\n---\nb: 2\n")
        }
    }

    @Test func invalidUTF8PointsAtTheByte() {
        let data = Data("a: 1\nb: ".utf8) + Data([0xFF, 0x0A])
        do {
            _ = try YAML.parseAll(data)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 4)
            #expect(error.message.contains("invalid leading UTF-8 octet"), "message: \(error.message)")
        }
    }

    // MARK: - Limits

    @Test func aliasBombIsRefused() {
        // Nine levels of nine aliases: a billion strings if expanded.
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        do {
            _ = try YAML.parse(yaml)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("excessive aliasing"), "message: \(error.message)")
            #expect(error.line > 1)
        }
    }

    @Test func modestAliasUseIsAccepted() throws {
        var yaml = "base: &b {x: 1, y: [1, 2, 3]}\nitems:\n"
        for _ in 0..<200 { yaml += "- *b\n" }
        let doc = try YAML.parse(yaml)
        #expect(doc["items"]?.arrayValue?.count == 200)
    }

    @Test func nestingBeyondTheLimitIsRefused() {
        let depth = 1001
        let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: YAMLError(message: "exceeded max depth of 1000 nested collections", line: 1, column: 1001, documentIndex: 0)) {
            try YAML.parse(flow)
        }
    }
}
