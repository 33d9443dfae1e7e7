import Testing
@testable import Controller

@Suite struct ManagerOptionsTests {
    @Test func defaultsMatchKubebuilder() throws {
        let o = try ManagerOptions.parse(arguments: [])
        #expect(o.metricsBindAddress == BindAddress(host: "0.0.0.0", port: 8080))
        #expect(o.healthProbeBindAddress == BindAddress(host: "0.0.0.0", port: 8081))
        #expect(!o.leaderElect)
        #expect(o.namespace == nil)
    }

    @Test func allFlagsInBothSpellings() throws {
        let o = try ManagerOptions.parse(arguments: [
            "--kubeconfig", "/tmp/kc", "--context=dev", "--namespace", "team-a",
            "--metrics-bind-address=127.0.0.1:9090", "--health-probe-bind-address", "[::1]:9091",
            "--leader-elect", "--leader-election-id=tm", "--leader-election-namespace", "ops",
            "--log-level=debug", "--log-format", "json", "--graceful-shutdown-timeout=1500ms", "-h",
        ])
        #expect(o.kubeconfig == "/tmp/kc")
        #expect(o.context == "dev")
        #expect(o.namespace == "team-a")
        #expect(o.metricsBindAddress == BindAddress(host: "127.0.0.1", port: 9090))
        #expect(o.healthProbeBindAddress == BindAddress(host: "::1", port: 9091))
        #expect(o.leaderElect)
        #expect(o.leaderElectionID == "tm")
        #expect(o.leaderElectionNamespace == "ops")
        #expect(o.logLevel == .debug)
        #expect(o.logFormat == .json)
        #expect(o.gracefulShutdownTimeout == .milliseconds(1500))
        #expect(o.helpRequested)
    }

    @Test func zeroDisablesAnEndpointAndLeaderElectTakesBooleans() throws {
        let o = try ManagerOptions.parse(arguments: ["--metrics-bind-address=0", "--leader-elect=false"])
        #expect(o.metricsBindAddress == nil)
        #expect(!o.leaderElect)
        #expect(try ManagerOptions.parse(arguments: ["-leader-elect=true"]).leaderElect)
    }

    // MARK: - Bad command lines

    @Test(arguments: [
        (["--bogus"], OptionsError.unknownFlag("--bogus")),
        (["--kubeconfig"], .missingValue(flag: "--kubeconfig")),
        (["--kubeconfig="], .invalidValue(flag: "--kubeconfig", value: "", reason: "must not be empty")),
        (["positional"], .unexpectedArgument("positional")),
        (["--leader-elect=maybe"], .invalidValue(flag: "--leader-elect", value: "maybe", reason: "expected true or false")),
        (["--log-level=loud"], .invalidValue(flag: "--log-level", value: "loud", reason: "expected debug, info, warn or error")),
        (["--log-format=xml"], .invalidValue(flag: "--log-format", value: "xml", reason: "expected logfmt or json")),
        (["--metrics-bind-address=8080"],
         .invalidValue(flag: "--metrics-bind-address", value: "8080", reason: "expected host:port, :port or 0 (disabled)")),
        (["--health-probe-bind-address=:70000"],
         .invalidValue(flag: "--health-probe-bind-address", value: ":70000", reason: "port \"70000\" is not a number in 0-65535")),
        (["--graceful-shutdown-timeout=soon"],
         .invalidValue(flag: "--graceful-shutdown-timeout", value: "soon", reason: "expected a duration such as 500ms, 30s, 2m or 1h")),
        (["--graceful-shutdown-timeout=1e30s"],
         .invalidValue(flag: "--graceful-shutdown-timeout", value: "1e30s", reason: "expected a duration such as 500ms, 30s, 2m or 1h")),
        (["--graceful-shutdown-timeout=3000000h"],
         .invalidValue(flag: "--graceful-shutdown-timeout", value: "3000000h", reason: "expected a duration such as 500ms, 30s, 2m or 1h")),
    ])
    func badCommandLinesAreRejected(args: [String], expected: OptionsError) {
        #expect(throws: expected) { try ManagerOptions.parse(arguments: args) }
    }

    @Test func unknownFlagMessageListsKnownFlags() {
        #expect(OptionsError.unknownFlag("--x").description.contains("--leader-elect"))
    }
}
