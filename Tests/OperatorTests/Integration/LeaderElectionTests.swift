import Controller
import JSON
import Kube
import Operator
import Policies
import Testing
import TestSupport

@Suite("Two replicas with --leader-elect: one writes, the other takes over", .timeLimit(.minutes(2)))
struct LeaderElectionTests {
    static func options(_ identity: String) -> (inout OperatorOptions) -> Void {
        { o in
            o.manager.leaderElect = true
            var lease = LeaderElectionConfiguration(leaseName: "threat-monitor-leader", leaseNamespace: "shop", identity: identity)
            lease.leaseDuration = .seconds(3)
            lease.renewDeadline = .seconds(2)
            lease.retryPeriod = .milliseconds(200)
            o.leaderElection = lease
        }
    }

    @Test func standbyTakesOverWhenTheLeaderStops() async throws {
        try await Harness.with(configure: Self.options("first")) { h in
            try await h.createPolicy("web", spec: Objects.webRules)
            try await h.waitForCNP("web")
            let lease = try #require(try await h.get(.leases, "threat-monitor-leader"))
            #expect(lease[path: ["spec", "holderIdentity"]] == "first")

            var options = OperatorOptions()
            options.manager.metricsBindAddress = nil
            options.manager.healthProbeBindAddress = nil
            Self.options("second")(&options)
            let standby = PolicyOperator(client: try Harness.makeClient(h.endpoint, recorder: nil), options: options, logger: .disabled)
            try await standby.start()
            #expect(await standby.waitUntilReady(timeout: .seconds(20)))
            // While the first leads, the standby writes nothing.
            let holder = try #require(try await h.get(.leases, "threat-monitor-leader"))
            #expect(holder[path: ["spec", "holderIdentity"]] == "first")

            await h.op.stop()
            try await h.wait("lease taken over", { try await h.get(.leases, "threat-monitor-leader") }) {
                $0[path: ["spec", "holderIdentity"]] == "second"
            }
            try await h.patchPolicy("web", spec: ["enabled": false])
            try await h.waitForCNP("web") {
                $0[path: ["spec", "endpointSelector", "matchLabels", EnforcementLabel.gitlab.key]] == "gitlab"
            }
            await standby.stop()
        }
    }
}
