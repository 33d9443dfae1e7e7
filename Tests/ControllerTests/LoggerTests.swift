import Foundation
import JSON
import Testing
@testable import Controller

@Suite struct LoggerTests {
    @Test func logfmtLineCarriesLevelMessageAndFieldsInOrder() throws {
        let sink = MemoryLogSink()
        let log = Logger(level: .info, sink: sink).with(["controller": "policy"])
        log.info("reconciled", ["key": "ns/a", "attempt": 3])
        let line = try #require(sink.all.first)
        #expect(line.hasPrefix("time="))
        #expect(line.hasSuffix(" level=info msg=reconciled controller=policy key=ns/a attempt=3"))
    }

    @Test func linesBelowTheLevelAreNotEvenFormatted() {
        let sink = MemoryLogSink()
        let log = Logger(level: .warning, sink: sink)
        nonisolated(unsafe) var evaluated = false
        log.info({ evaluated = true; return "x" }())
        log.debug("y")
        log.warning("z")
        log.error("w")
        #expect(!evaluated)
        #expect(sink.all.count == 2)
    }

    @Test func jsonLinesParseAndKeepFields() throws {
        let sink = MemoryLogSink()
        Logger(format: .json, sink: sink).error("failed \"x\"", ["kind": "KubeError.conflict"])
        let v = try JSONParser.parse(try #require(sink.all.first))
        #expect(v["level"] == "error")
        #expect(v["msg"] == "failed \"x\"")
        #expect(v["kind"] == "KubeError.conflict")
        #expect(v["time"]?.stringValue?.hasSuffix("Z") == true)
    }

    @Test func timestampIsRFC3339UTCWithMilliseconds() {
        #expect(LogLineFormatter.timestamp(Date(timeIntervalSince1970: 1_700_000_000.123)) == "2023-11-14T22:13:20.123Z")
    }

    // MARK: - logfmt quoting

    @Test(arguments: [
        ("plain", "plain"),
        ("", "\"\""),
        ("two words", "\"two words\""),
        ("a=b", "\"a=b\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("line\nbreak", "\"line\\nbreak\""),
        ("tab\there", "\"tab\\there\""),
        ("ünïcode", "ünïcode"),
    ])
    func logfmtValuesAreQuotedWhenNeeded(raw: String, expected: String) {
        #expect(LogLineFormatter.logfmtValue(raw) == expected)
    }

    @Test(arguments: [("ok", "ok"), ("a b", "a_b"), ("k=v", "k_v")])
    func logfmtKeysAreSanitised(raw: String, expected: String) {
        #expect(LogLineFormatter.logfmtKey(raw) == expected)
    }

    // MARK: - Level names

    @Test(arguments: [("debug", LogLevel.debug), ("INFO", .info), ("warn", .warning), ("warning", .warning),
                      ("error", .error)])
    func levelNamesParse(name: String, level: LogLevel) { #expect(LogLevel(name: name) == level) }

    @Test(arguments: ["", "verbose", "fatal"])
    func unknownLevelNamesAreRejected(name: String) { #expect(LogLevel(name: name) == nil) }
}
