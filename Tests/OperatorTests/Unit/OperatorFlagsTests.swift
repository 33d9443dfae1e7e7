import Controller
import Testing
@testable import Operator

@Suite("threat-monitor run flags")
struct OperatorFlagsTests {
    @Test func defaults() throws {
        let o = try OperatorFlags.parse([])
        #expect(o.enforcementLabel == .gitlab)
        #expect(o.dnsRule)
        #expect(o.namespace == nil)
        #expect(!o.manager.leaderElect)
    }

    @Test func operatorAndKubebuilderFlagsTogether() throws {
        let o = try OperatorFlags.parse(["--disabled-label=example.com/off=yes", "--dns-rule=false", "--leader-elect",
                                         "--namespace", "shop", "--metrics-bind-address=0", "--disabled-label", "a=b"])
        #expect(o.enforcementLabel == .init(key: "a", value: "b"))
        #expect(!o.dnsRule)
        #expect(o.manager.leaderElect)
        #expect(o.namespace == "shop")
        #expect(o.manager.metricsBindAddress == nil)
    }

    @Test func helpIsRequested() throws {
        #expect(try OperatorFlags.parse(["--help"]).manager.helpRequested)
        #expect(OperatorFlags.usage.contains("--disabled-label"))
        #expect(OperatorFlags.usage.contains("--leader-elect"))
    }

    // MARK: Bad input

    @Test(arguments: [
        (["--disabled-label=novalue"], "expected KEY=VALUE"),
        (["--disabled-label=bad key=x"], "bad key"),
        (["--disabled-label=k=-x-"], "-x-"),
        (["--disabled-label"], "needs a value"),
        (["--dns-rule=maybe"], "expected true or false"),
        (["--no-such-flag"], "unknown flag"),
        (["stray"], "unexpected argument"),
    ])
    func rejected(arguments: [String], fragment: String) {
        #expect {
            _ = try OperatorFlags.parse(arguments)
        } throws: { error in
            String(describing: error).contains(fragment)
        }
    }
}
