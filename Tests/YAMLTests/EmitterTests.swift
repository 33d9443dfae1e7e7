import JSON
import Testing
import YAML

/// The emitter lays documents out as `kubectl -o yaml` does and quotes what would read back differently.
@Suite struct EmitterTests {
    // MARK: Strings: plain, quoted or literal

    static let strings: [(String, String)] = [
        ("plain text", "plain text"), ("a#b", "a#b"), ("it's", "it's"), ("x:y", "x:y"), ("é😀", "é😀"),
        ("1e400", "1e400"), ("nginx:1.25", "nginx:1.25"), ("500m", "500m"),
        // Would read back as another type.
        ("true", "\"true\""), ("yes", "\"yes\""), ("on", "\"on\""), ("Off", "\"Off\""), ("y", "\"y\""),
        ("~", "\"~\""), ("null", "\"null\""), ("", "\"\""), ("123", "\"123\""), ("-5", "\"-5\""),
        ("0x1F", "\"0x1F\""), ("0777", "\"0777\""), ("1e3", "\"1e3\""), (".5", "\".5\""), ("08", "\"08\""),
        (".inf", "\".inf\""), ("1_000", "\"1_000\""), ("1:20", "\"1:20\""), ("<<", "\"<<\""),
        // Would be mis-parsed.
        (" lead", "' lead'"), ("trail ", "'trail '"), ("-x", "'-x'"), ("- x", "'- x'"), ("?x", "'?x'"),
        (":x", "':x'"), ("#x", "'#x'"), ("&x", "'&x'"), ("*x", "'*x'"), ("!x", "'!x'"), ("|x", "'|x'"),
        (">x", "'>x'"), ("'x", "'''x'"), ("\"x", "'\"x'"), ("%x", "'%x'"), ("@x", "'@x'"), ("`x", "'`x'"),
        ("[x", "'[x'"), ("{x", "'{x'"), (",x", "',x'"), ("a: b", "'a: b'"), ("a #b", "'a #b'"), ("x:", "'x:'"),
        ("---", "'---'"), ("...", "'...'"),
        // Need escapes.
        ("tab\there", "\"tab\\there\""), ("bell\u{7}", "\"bell\\x07\""), ("nul\u{0}", "\"nul\\0\""),
        ("cr\r", "\"cr\\r\""), ("del\u{7F}", "\"del\\x7F\""), ("nel\u{85}", "\"nel\\N\""), ("ls\u{2028}", "\"ls\\L\""),
        ("bom\u{FEFF}", "\"bom\\uFEFF\""), ("quote\"\\\t", "\"quote\\\"\\\\\\t\""),
    ]

    @Test(arguments: strings)
    func quotesStringOnlyWhenNeeded(_ value: String, _ expected: String) throws {
        #expect(YAML.emit(["v": .string(value)]) == "v: \(expected)\n")
        #expect(try YAML.parse(YAML.emit(["v": .string(value)])) == ["v": .string(value)])
    }

    @Test(arguments: strings)
    func keysAreQuotedLikeValues(_ value: String, _ expected: String) throws {
        #expect(YAML.emit([value: 1]) == "\(expected): 1\n")
    }

    // MARK: Multi-line strings

    @Test(arguments: [
        ("a\nb", "v: |-\n  a\n  b\n"),
        ("a\nb\n", "v: |\n  a\n  b\n"),
        ("a\n\n", "v: |+\n  a\n\n"),
        ("a\n\nb\n", "v: |\n  a\n\n  b\n"),
        ("  indented\nnext", "v: |2-\n    indented\n  next\n"),
        ("# not a comment\n- not an item\n", "v: |\n  # not a comment\n  - not an item\n"),
        ("trailing space \nx", "v: \"trailing space \\nx\""),
        ("\nleading break", "v: \"\\nleading break\""),
        ("tab\tin\nblock", "v: \"tab\\tin\\nblock\""),
    ])
    func multiLineStrings(_ value: String, _ expected: String) throws {
        let text = YAML.emit(["v": .string(value)])
        #expect(text == (expected.hasSuffix("\n") ? expected : expected + "\n"))
        #expect(try YAML.parse(text) == ["v": .string(value)])
    }

    @Test func literalBlocksInSequencesAndAtRoot() throws {
        let value: JSONValue = ["list": ["one\ntwo", ["k": " x\ny\n"]], "nested": [["a\nb"]]]
        let text = YAML.emit(value)
        #expect(text == """
            list:
            - |-
              one
              two
            - k: |2
                 x
                y
            nested:
            - - |-
                a
                b

            """)
        #expect(try YAML.parse(text) == value)
        #expect(YAML.emit(" a\nb") == "|2-\n   a\n  b\n")
        #expect(try YAML.parse(YAML.emit(" a\nb")) == " a\nb")
    }

    // MARK: Numbers and other scalars

    @Test(arguments: [
        (JSONValue.int(0), "0"), (.int(-42), "-42"), (.int(Int64.max), "9223372036854775807"),
        (.double(1), "1.0"), (.double(-0.5), "-0.5"), (.double(1e16), "1e+16"), (.double(1e-7), "1e-07"),
        (.double(9_223_372_036_854_775_808), "9.223372036854776e+18"), (.double(.infinity), ".inf"),
        (.double(-.infinity), "-.inf"), (.double(.nan), ".nan"), (.bool(true), "true"), (.null, "null"),
        (.object([:]), "{}"), (.array([]), "[]"),
    ])
    func scalars(_ value: JSONValue, _ expected: String) {
        #expect(YAML.emit(["v": value]) == "v: \(expected)\n")
        #expect(YAML.emit(value) == "\(expected)\n")
    }

    // MARK: Layout

    @Test func kubectlLayout() {
        let pod: JSONValue = [
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": ["name": "web", "labels": ["app": "web"], "annotations": [:]],
            "spec": [
                "containers": [[
                    "name": "web",
                    "args": ["--port=80", "on"],
                    "ports": [["containerPort": 80, "protocol": "TCP"]],
                ]],
                "matrix": [[1, 2], [], [3]],
                "tolerations": [],
            ],
        ]
        #expect(YAML.emit(pod) == """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                app: web
              annotations: {}
            spec:
              containers:
              - name: web
                args:
                - '--port=80'
                - "on"
                ports:
                - containerPort: 80
                  protocol: TCP
              matrix:
              - - 1
                - 2
              - []
              - - 3
              tolerations: []

            """)
    }

    @Test func emitAllSeparatesDocuments() throws {
        let docs: [JSONValue] = [["a": 1], ["b", "c"], "text", ["d": "x\n\n"]]
        let text = YAML.emitAll(docs)
        #expect(text == "a: 1\n---\n- b\n- c\n---\ntext\n---\nd: |+\n  x\n\n")
        #expect(try YAML.parseAll(text) == docs)
        #expect(YAML.emitAll([]) == "")
    }

    @Test func longKeysUseExplicitEntries() throws {
        let key = String(repeating: "k", count: 1500)
        let value: JSONValue = [key: ["a": 1], "short": [1]]
        let text = YAML.emit(value)
        #expect(text.hasPrefix("? kkk"))
        #expect(try YAML.parse(text) == value)

        // 600 tabs are 1200 characters once escaped: too long for a simple key.
        let escaped: JSONValue = ["list": [[String(repeating: "\t", count: 600): "x", "b": 1]]]
        let escapedText = YAML.emit(escaped)
        #expect(escapedText.hasPrefix("list:\n- ? \"\\t"))
        #expect(try YAML.parse(escapedText) == escaped)
    }
}
