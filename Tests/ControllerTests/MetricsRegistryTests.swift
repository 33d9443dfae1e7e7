import Foundation
import Testing
@testable import Controller

@Suite struct MetricsRegistryTests {
    @Test func countersGaugesAndLabelsRenderInTextFormat() throws {
        let r = MetricsRegistry()
        let c = try r.counter("requests_total", help: "Requests.", labels: ["verb", "code"])
        c.labels("GET", "200").inc()
        c.labels("GET", "200").inc(by: 2)
        c.labels("PUT", "409").inc()
        let g = try r.gauge("leader", help: "Leader status.")
        g.labels().set(1)
        let text = r.exposition()
        #expect(text == """
            # HELP leader Leader status.
            # TYPE leader gauge
            leader 1
            # HELP requests_total Requests.
            # TYPE requests_total counter
            requests_total{verb="GET",code="200"} 3
            requests_total{verb="PUT",code="409"} 1

            """)
    }

    @Test func histogramWritesCumulativeBucketsSumAndCount() throws {
        let r = MetricsRegistry()
        let h = try r.histogram("op_duration_seconds", help: "Op.", labels: ["op"], buckets: [0.1, 1])
        h.labels("a").observe(0.25)
        h.labels("a").observe(0.5)
        h.labels("a").observe(4)
        #expect(r.exposition() == """
            # HELP op_duration_seconds Op.
            # TYPE op_duration_seconds histogram
            op_duration_seconds_bucket{op="a",le="0.1"} 0
            op_duration_seconds_bucket{op="a",le="1"} 2
            op_duration_seconds_bucket{op="a",le="+Inf"} 3
            op_duration_seconds_sum{op="a"} 4.75
            op_duration_seconds_count{op="a"} 3

            """)
        #expect(h.labels("a").count == 3)
    }

    @Test func helpAndLabelValuesAreEscaped() throws {
        let r = MetricsRegistry()
        try r.counter("x_total", help: "a\\b\nc", labels: ["l"]).labels("q\"\\\n").inc()
        let text = r.exposition()
        #expect(text.contains("# HELP x_total a\\\\b\\nc\n"))
        #expect(text.contains("x_total{l=\"q\\\"\\\\\\n\"} 1\n"))
    }

    @Test func reRegisteringTheSameMetricSharesIt() throws {
        let r = MetricsRegistry()
        try r.counter("a_total", help: "A.", labels: ["x"]).labels("1").inc()
        try r.counter("a_total", help: "A.", labels: ["x"]).labels("1").inc()
        #expect(try r.counter("a_total", help: "A.", labels: ["x"]).labels("1").value == 2)
    }

    @Test func miscountedLabelValuesArePaddedOrTruncated() throws {
        let r = MetricsRegistry()
        let c = try r.counter("b_total", help: "B.", labels: ["x", "y"])
        c.labels("1").inc()
        c.labels("1", "2", "3").inc()
        #expect(c.labels("1", "").value == 1)
        #expect(c.labels("1", "2").value == 1)
    }

    @Test func negativeCounterIncrementsAreIgnored() throws {
        let c = try MetricsRegistry().counter("c_total", help: "C.").labels()
        c.inc(by: -5)
        #expect(c.value == 0)
    }

    // MARK: - Bad registrations

    @Test(arguments: [
        ("9bad", [String]()),
        ("with-dash", []),
        ("", []),
        ("ok_total", ["__reserved"]),
        ("ok_total", ["bad-label"]),
        ("ok_total", ["1x"]),
    ])
    func invalidNamesAreRejected(name: String, labels: [String]) {
        #expect(throws: MetricsError.self) { try MetricsRegistry().counter(name, help: "h", labels: labels) }
    }

    @Test func histogramMayNotUseLeLabel() {
        #expect(throws: MetricsError.invalidLabelName(metric: "h_seconds", label: "le")) {
            try MetricsRegistry().histogram("h_seconds", help: "h", labels: ["le"])
        }
    }

    @Test(arguments: [[Double](), [1, 1], [2, 1], [1, .infinity]])
    func badBucketsAreRejected(buckets: [Double]) {
        #expect(throws: MetricsError.self) { try MetricsRegistry().histogram("h_seconds", help: "h", buckets: buckets) }
    }

    @Test func conflictingTypeOrLabelsAreRejected() throws {
        let r = MetricsRegistry()
        _ = try r.counter("m_total", help: "M.", labels: ["a"])
        #expect(throws: MetricsError.self) { try r.gauge("m_total", help: "M.", labels: ["a"]) }
        #expect(throws: MetricsError.self) { try r.counter("m_total", help: "M.", labels: ["b"]) }
        let e = MetricsError.conflictingRegistration(name: "m_total", existing: "counter with labels [a]",
                                                     requested: "gauge with labels [a]")
        #expect(e.description.contains("already registered as counter"))
    }

    // MARK: - promtool

    static let promtool = ProcessInfo.processInfo.environment["PROMTOOL"] ?? "/usr/bin/promtool"

    // CI installs Debian's prometheus package; only a bare dev box lacks promtool.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: promtool), "promtool is not installed"))
    func standardMetricsPassPromtool() async throws {
        let promtool = Self.promtool
        let r = MetricsRegistry()
        let cm = try ControllerMetrics(registry: r, controller: "policy")
        cm.success.inc()
        cm.errorsByKind.labels("policy", "KubeError.conflict").inc()
        cm.duration.observe(0.02)
        let wq = try WorkQueueMetrics(registry: r, name: "policy")
        wq.adds.inc()
        wq.queueDuration.observe(0.001)
        try r.counter("odd_total", help: "Escapes \\ and \n.", labels: ["v"]).labels("a\"b\\c\nd").inc()
        let text = r.exposition()

        let result = try await withTimeout(.seconds(20), "promtool") { try runTool(promtool, ["check", "metrics"], stdin: text) }
        #expect(result.status == 0, "promtool said: \(result.output)")
        #expect(result.output.isEmpty, "promtool lint: \(result.output)")
    }
}

struct ToolResult: Sendable {
    var status: Int32
    var output: String
}

/// Runs a command with `stdin`, returning its exit status and combined output.
func runTool(_ path: String, _ args: [String], stdin: String) throws -> ToolResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    let inPipe = Pipe(), outPipe = Pipe()
    p.standardInput = inPipe
    p.standardOutput = outPipe
    p.standardError = outPipe
    try p.run()
    inPipe.fileHandleForWriting.write(Data(stdin.utf8))
    try inPipe.fileHandleForWriting.close()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return ToolResult(status: p.terminationStatus, output: String(decoding: out, as: UTF8.self))
}
