import Testing
import Operator

@Suite("threat-monitor run: exit codes")
struct OperatorCommandTests {
    @Test func helpExitsZero() async {
        #expect(await OperatorCommand.run(arguments: ["--help"]) == 0)
    }

    // MARK: Failures

    @Test(arguments: [["--bogus"], ["--dns-rule=perhaps"], ["--disabled-label=oops"], ["--metrics-bind-address=nowhere"]])
    func badFlagsExitTwo(arguments: [String]) async {
        #expect(await OperatorCommand.run(arguments: arguments) == 2)
    }

    @Test func unreadableKubeconfigExitsOne() async {
        #expect(await OperatorCommand.run(arguments: ["--kubeconfig", "/nonexistent/kubeconfig", "--log-level=error"]) == 1)
    }
}
