import JSON
import Testing
import YAML

/// The real kubectl (v1.33, offline) reads the same YAML the same way: it is the oracle.
@Suite(.enabled(if: KubectlRunner.isAvailable, "needs the pinned kubectl (make deps)"))
struct KubectlCompatibilityTests {
    /// Scalars whose meaning differs between YAML 1.1 and 1.2, or between parsers.
    static let scalars = [
        "yes", "No", "on", "OFF", "y", "n", "~", "Null", "", "0777", "-0777", "08", "0x1F", "0o17", "0b101",
        "-0b11", "1_000", "1e3", ".5", "-.5", "1.", "1e400", "9223372036854775807", "9223372036854775808",
        "18446744073709551615", "0xFFFFFFFFFFFFFFFF", "1:20", "2001-12-14", "<<", "'quoted'", "\"123\"",
        "!!str 12", "!!float 3", "!!int \"7\"", "!foo 12", "|\n    block\n", ">-\n    folded\n    text\n",
        "[a, {b: c}]", "+1", "1.5.3", "12abc",
    ] + ScalarResolutionTests.cases.filter(Self.kubectlCanPrint).map(\.text)

    /// JSON has no infinities, so kubectl refuses them; `!!binary` is kept as base64 on purpose
    /// (kubectl decodes it).
    static func kubectlCanPrint(_ c: ScalarCase) -> Bool {
        if case .double(let d) = c.expected, !d.isFinite { return false }
        return !c.text.hasPrefix("!!binary")
    }

    @Test func scalarsMatchKubectl() throws {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: scalars\ndata:\n"
        for (i, scalar) in Self.scalars.enumerated() { yaml += "  k\(i): \(scalar)\n" }
        let ours = try YAML.parse(yaml)
        let theirs = try KubectlRunner.readManifest(yaml)
        for i in Self.scalars.indices {
            let mine = ours[path: ["data", "k\(i)"]], kubectl = theirs[path: ["data", "k\(i)"]]
            #expect(Self.sameJSON(mine, kubectl), "\(Self.scalars[i]): ours \(String(describing: mine)), kubectl \(String(describing: kubectl))")
        }
    }

    /// Random number-like plain scalars (signs, prefixes, underscores, dots, exponents):
    /// Go's number syntax has corners no table lists.
    @Test func numberLikeScalarsMatchKubectl() throws {
        var generator = ValueGenerator(seed: 2026)
        let alphabet = Array("0123456789012345678901234567890123456789+-._eExXoObBfF")
        var tokens: [String] = []
        while tokens.count < 1500 {
            let token = String((0..<(generator.int(below: 8) + 1)).map { _ in alphabet[generator.int(below: alphabet.count)] })
            // A lone "-" would start a block sequence.
            if token != "-" { tokens.append(token) }
        }
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: numbers\ndata:\n"
        for (i, token) in tokens.enumerated() { yaml += "  k\(i): \(token)\n" }
        let ours = try YAML.parse(yaml)
        let theirs = try KubectlRunner.readManifest(yaml)
        for (i, token) in tokens.enumerated() {
            let mine = ours[path: ["data", "k\(i)"]], kubectl = theirs[path: ["data", "k\(i)"]]
            #expect(Self.sameJSON(mine, kubectl), "\(token): ours \(String(describing: mine)), kubectl \(String(describing: kubectl))")
        }
    }

    @Test func keysMatchKubectl() throws {
        let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n  1: a\n  true: b\n  n: c\n  1.5: d\n  1e6: e\n  0x10: f\n  3.14159265358979: g\n  .nan: h\n"
        let ours = try YAML.parse(yaml)
        let theirs = try KubectlRunner.readManifest(yaml)
        #expect(ours["data"] == theirs["data"])
    }

    @Test func mergesAndAnchorsMatchKubectl() throws {
        let yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: merges
            data:
              base: &b {x: 1, y: 2}
              other: &o {x: 9, z: 3}
              one:
                <<: *b
                y: 5
              list:
                <<: [*b, *o]
              late:
                x: 0
                <<: *b
              alias: *b

            """
        let ours = try YAML.parse(yaml)
        let theirs = try KubectlRunner.readManifest(yaml)
        #expect(ours["data"] == theirs["data"])
    }

    /// What we emit, kubectl reads back as the same strings (the emitter's quoting is sufficient for go-yaml).
    @Test func kubectlReadsWhatWeEmit() throws {
        var generator = ValueGenerator(seed: 7)
        var data = JSONObject()
        for word in ValueGenerator.words { data["w-" + word] = .string(word) }
        for i in 0..<300 {
            let s = generator.string()
            // go-yaml normalises CR and NEL in block scalars, and JSON cannot carry them through kubectl unchanged.
            data["g\(i)"] = .string(s)
        }
        let manifest: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "emitted"], "data": .object(data)]
        let theirs = try KubectlRunner.readManifest(YAML.emit(manifest))
        for (key, value) in data {
            #expect(theirs[path: ["data", key]] == value, "key \(key)")
        }
    }

    /// Every document case that is a block mapping, read by kubectl as the body of a ConfigMap.
    @Test func documentsMatchKubectl() throws {
        let cases = DocumentParsingTests.cases.filter { c in
            guard case .object = c.expected else { return false }
            // `!!binary` stays base64 on purpose (kubectl decodes it).
            return !["{", "%", "\u{FEFF}", "---"].contains { c.yaml.hasPrefix($0) } && !c.yaml.contains("!!binary")
        }
        let header = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: doc\n"
        let stream = cases.map { header + $0.yaml + ($0.yaml.hasSuffix("\n") ? "" : "\n") }.joined(separator: "---\n")
        let items = try KubectlRunner.readManifests(stream)
        try #require(items.count == cases.count)
        for (c, theirs) in zip(cases, items) {
            let ours = try YAML.parse(c.yaml)
            for (key, value) in ours.objectValue ?? [:] {
                #expect(Self.sameJSON(value, theirs[key]), "\(c.name): \(key): ours \(value), kubectl \(String(describing: theirs[key]))")
            }
        }
    }

    /// Our layout is kubectl's: re-emitting what `kubectl -o yaml` printed gives the same bytes.
    @Test func emitterReproducesKubectlOutput() throws {
        let printed = try KubectlRunner.printYAML(Fixtures.deploymentForLayout)
        #expect(printed.contains("value: |2-\n"), "the fixture should exercise indentation indicators")
        #expect(YAML.emit(try YAML.parse(printed)) == printed)
    }

    /// What we refuse, kubectl refuses too, except duplicate keys: kubectl's client-side
    /// reading keeps the last one, and we refuse them as the strict go-yaml reading does.
    @Test(arguments: MalformedInputTests.cases.filter { !$0.messageContains.contains("already set in map") })
    func kubectlAlsoRefuses(_ c: ErrorCase) throws {
        #expect(try KubectlRunner.conversionError(c.yaml) != nil, "kubectl accepted \(c.yaml.debugDescription)")
    }

    /// Numbers compare by value (kubectl prints 8.0 as 8), collections element by element.
    static func sameJSON(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (a, b) {
        case (.array(let x)?, .array(let y)?):
            return x.count == y.count && zip(x, y).allSatisfy { sameJSON($0, $1) }
        case (.object(let x)?, .object(let y)?):
            return x.count == y.count && x.allSatisfy { sameJSON($0.value, y[$0.key]) }
        default:
            if let x = a?.doubleValue, let y = b?.doubleValue { return x == y }
            return a == b
        }
    }
}
