import Foundation
import JSON
import Testing
import YAML

/// Structure: collections, styles, anchors, merges, keys, streams and encodings.
@Suite struct DocumentParsingTests {
    static let cases: [ParseCase] = [
        // MARK: Collections and flow style
        .init("nested block", "a:\n  b:\n    c: 1\n  d: [x, z]\n", ["a": ["b": ["c": 1], "d": ["x", "z"]]]),
        // `y` is a YAML 1.1 boolean, so kubectl reads this list as ["x", true].
        .init("y in a list", "d: [x, y]\n", ["d": ["x", true]]),
        .init("sequence at key column", "a:\n- 1\n- b: 2\n  c: 3\n", ["a": [1, ["b": 2, "c": 3]]]),
        .init("sequence of sequences", "- - a\n  - b\n- - c\n", [["a", "b"], ["c"]]),
        .init("flow mapping", "{a: [1, 2, {b: c}], d: 'e', f: }", ["a": [1, 2, ["b": "c"]], "d": "e", "f": .null]),
        .init("flow sequence across lines", "[1,\n  two, \"three\",\n]", [1, "two", "three"]),
        .init("empty collections", "a: {}\nb: []\n", ["a": [:], "b": []]),
        .init("root scalar", "hello\n", "hello"),
        .init("key order kept", "z: 1\na: 2\nm: 3\n", ["z": 1, "a": 2, "m": 3]),
        .init("empty value is null", "a:\nb: 1\n", ["a": .null, "b": 1]),
        .init("multi-line plain scalar", "a: one\n  two\n\n  three\n", ["a": "one two\nthree"]),

        // MARK: Block scalars
        .init("literal clip", "v: |\n  a\n  b\n\n", ["v": "a\nb\n"]),
        .init("literal strip", "v: |-\n  a\n  b\n", ["v": "a\nb"]),
        .init("literal keep", "v: |+\n  a\n\n\nw: 1\n", ["v": "a\n\n\n", "w": 1]),
        .init("literal keeps inner indentation", "v: |\n  a\n    b\n  c\n", ["v": "a\n  b\nc\n"]),
        .init("literal indentation indicator", "v: |2-\n     x\n    y\n", ["v": "   x\n  y"]),
        .init("folded", "v: >\n  a\n  b\n\n  c\n", ["v": "a b\nc\n"]),
        .init("folded strip", "v: >-\n  a\n  b\n", ["v": "a b"]),
        .init("folded keeps more-indented lines", "v: >\n  a\n    b\n  c\n", ["v": "a\n  b\nc\n"]),
        .init("block scalars are strings", "v: |\n  123\nw: >-\n  true\n", ["v": "123\n", "w": "true"]),
        .init("double-quoted folding", "v: \"a\n  b\\\n  c\"\n", ["v": "a bc"]),

        // MARK: Anchors, aliases and merge keys
        .init("scalar alias", "a: &x 1\nb: *x\n", ["a": 1, "b": 1]),
        .init("collection alias", "a: &x {p: [1, 2]}\nb: *x\n", ["a": ["p": [1, 2]], "b": ["p": [1, 2]]]),
        .init("alias as key", "a: &k name\n*k : v\n", ["a": "name", "name": "v"]),
        .init("anchor redefined", "a: &x 1\nb: *x\nc: &x 2\nd: *x\n", ["a": 1, "b": 1, "c": 2, "d": 2]),
        .init("merge one map", "base: &b {p: 1, q: 2}\nd:\n  <<: *b\n  q: 3\n",
              ["base": ["p": 1, "q": 2], "d": ["p": 1, "q": 3]]),
        .init("merge list: first map wins", "a: &a {x: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n",
              ["a": ["x": 1], "b": ["x": 2, "z": 2], "c": ["x": 1, "z": 2]]),
        .init("merge inline map", "c:\n  <<: {x: 1}\n  w: 0\n", ["c": ["x": 1, "w": 0]]),
        // kubectl (go-yaml v2) applies a merge where it stands: it overrides an earlier explicit key.
        .init("merge after explicit key", "c:\n  x: 0\n  <<: {x: 1}\n", ["c": ["x": 1]]),
        .init("quoted << is a plain key", "\"<<\": 1\n", ["<<": 1]),
        .init("anchor in sequence", "- &s hi\n- *s\n", ["hi", "hi"]),

        // MARK: Keys converted as sigs.k8s.io/yaml converts them
        .init("integer key", "1: a\n0x10: b\n", ["1": "a", "16": "b"]),
        .init("boolean keys", "true: a\nn: c\n", ["true": "a", "false": "c"]),
        .init("float keys at float32 precision", "1.5: a\n1e6: b\n0.1: c\n3.14159265358979: d\n1e-5: e\n",
              ["1.5": "a", "1e+06": "b", "0.1": "c", "3.1415927": "d", "1e-05": "e"]),
        .init("special float keys", ".inf: a\n-.inf: b\n.nan: c\n", [".inf": "a", "-.inf": "b", ".nan": "c"]),
        .init("quoted key stays a string", "'1': a\n\"true\": b\n", ["1": "a", "true": "b"]),
        .init("multi-line binary kept as text", "b: !!binary |\n  aGVs\n  bG8=\n", ["b": "aGVs\nbG8=\n"]),
        .init("explicit key", "? long key\n: value\n", ["long key": "value"]),

        // MARK: Comments, unicode, line ends
        .init("comments", "# head\na: 1 # trailing\n# between\nb: 'x # not a comment'\nc: d#e\n",
              ["a": 1, "b": "x # not a comment", "c": "d#e"]),
        .init("unicode and emoji", "名前: \"héllo\"\nemoji: 😀 🚀\n", ["名前": "héllo", "emoji": "😀 🚀"]),
        .init("CRLF line ends", "a: 1\r\nb:\r\n- x\r\n", ["a": 1, "b": ["x"]]),
        .init("BOM", "\u{FEFF}a: 1\n", ["a": 1]),
        .init("directive and explicit document", "%YAML 1.1\n---\na: 1\n...\n", ["a": 1]),
    ]

    @Test(arguments: cases)
    func parsesDocument(_ c: ParseCase) throws {
        #expect(try YAML.parse(c.yaml) == c.expected)
    }

    // MARK: - Streams

    @Test func multiDocumentStream() throws {
        let docs = try YAML.parseAll("a: 1\n---\nb: 2\n---\n- 3\n")
        #expect(docs == [["a": 1], ["b": 2], [3]])
    }

    @Test(arguments: [
        ("", 0), ("\n\n", 0), ("# only a comment\n", 0), ("---\n", 0), ("---\n---\n", 0),
        ("a: 1\n---\n", 1), ("---\na: 1\n---\n---\nb: 2\n---\n", 2), ("~\n---\na: 1\n", 1), ("a: 1\n...\n", 1),
    ])
    func emptyDocumentsAreSkipped(_ yaml: String, _ count: Int) throws {
        #expect(try YAML.parseAll(yaml).count == count)
    }

    @Test func emptyStreamParsesToNull() throws {
        #expect(try YAML.parse("") == .null)
        #expect(try YAML.parse("# nothing\n") == .null)
    }

    @Test func anchorsDoNotCrossDocuments() {
        #expect(throws: YAMLError(message: "unknown anchor 'x' referenced", line: 3, column: 4, documentIndex: 1)) {
            try YAML.parseAll("a: &x 1\n---\nb: *x\n")
        }
    }

    // MARK: - Encodings

    @Test func dataWithUTF8BOM() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("a: é\n".utf8)
        #expect(try YAML.parseAll(data) == [["a": "é"]])
    }

    @Test func dataInUTF16WithBOM() throws {
        var data = Data([0xFF, 0xFE])
        for unit in "a: [1, é]\n".utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        #expect(try YAML.parseAll(data) == [["a": [1, "é"]]])
    }

    // MARK: - Depth

    @Test func deepNestingWithinTheLimit() throws {
        let depth = 500
        let flow = String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
        var expected: JSONValue = "x"
        for _ in 0..<depth { expected = .array([expected]) }
        #expect(try YAML.parse(flow) == expected)

        var block = ""
        for level in 0..<100 { block += String(repeating: " ", count: level * 2) + "k\(level):\n" }
        let parsed = try YAML.parse(block)
        var cursor = parsed
        for level in 0..<99 { cursor = try #require(cursor["k\(level)"]) }
        #expect(cursor == ["k99": .null])
    }

    // MARK: - A realistic manifest

    @Test func kubernetesManifestWithCRD() throws {
        let docs = try YAML.parseAll(Fixtures.crdAndDeployment)
        try #require(docs.count == 3)
        let crd = docs[0]
        #expect(crd["kind"] == "CustomResourceDefinition")
        #expect(crd[path: ["spec", "names", "shortNames"]] == ["cnp"])
        let version = try #require(crd[path: ["spec", "versions"]]?[0])
        #expect(version["served"] == true)
        let port = version[path: ["schema", "openAPIV3Schema", "properties", "spec", "properties", "port"]]
        #expect(port == ["type": "integer", "minimum": 0, "maximum": 65535, "description": "Port to allow.\n"])
        #expect(version["additionalPrinterColumns"]?[0]?["jsonPath"] == ".spec.port")

        let deployment = docs[1]
        #expect(deployment[path: ["spec", "replicas"]] == 3)
        #expect(deployment[path: ["metadata", "labels"]] == ["app": "web", "tier": "frontend", "version": "1.10"])
        let container = try #require(deployment[path: ["spec", "template", "spec", "containers"]]?[0])
        #expect(container["args"] == ["--port=8080", "--verbose", "on"])
        #expect(container["env"]?[0] == ["name": "ENABLED", "value": "true"])
        #expect(container["env"]?[1] == ["name": "OCTAL", "value": .int(420)])
        #expect(container["resources"] == ["limits": ["cpu": "500m", "memory": "128Mi"]])
        #expect(deployment[path: ["spec", "template", "metadata", "labels"]] == ["app": "web", "tier": "frontend", "version": "1.10"])

        #expect(docs[2][path: ["data", "config.yaml"]] == "key: value\nlist:\n  - a\n")
    }
}
