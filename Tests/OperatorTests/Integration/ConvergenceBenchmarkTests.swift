import OperatorBenchmarks
import Foundation
import Testing
import Controller
import Operator

@Suite("Convergence benchmark (small run; the benchmark target runs 1,000 policies)", .timeLimit(.minutes(2)))
struct ConvergenceBenchmarkTests {
    /// The write counts are exact, not timings: one CNP create per policy and one
    /// status patch per object, nothing else.
    @Test func coldStartWritesAreTheIdeal() async throws {
        let (seconds, writes) = try await ConvergenceBenchmark.run(policies: 60, namespaces: 6, ciliumCRD: try CiliumSchema.crd())
        #expect(seconds > 0)
        #expect(writes["create ciliumnetworkpolicies"] == 60)
        #expect(writes["patch containernetworkpolicies/status"] == 60)
        #expect(writes["patch environments/status"] == 6)
        #expect(writes["total"] == 126, "writes: \(writes)")
    }
}

extension ConvergenceBenchmarkTests {
    /// The full figure, on demand: OPERATOR_BENCH_FULL=1 swift test --filter coldStartAtScale.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["OPERATOR_BENCH_FULL"] != nil), .timeLimit(.minutes(10)))
    func coldStartAtScale() async throws {
        let (seconds, writes) = try await ConvergenceBenchmark.run(
            policies: 1000, namespaces: 100, ciliumCRD: try CiliumSchema.crd(),
            logger: ProcessInfo.processInfo.environment["OPERATOR_TEST_LOG"].flatMap(LogLevel.init(name:)).map { Logger(level: $0) } ?? .disabled)
        print("convergence policies=1000 namespaces=100 seconds=\(seconds) writes=\(writes.sorted { $0.key < $1.key })")
        #expect(writes["total"] == 2100)
    }
}
