import Controller
import Policies

/// What the reconcilers need to know besides the cluster's state.
public struct OperatorOptions: Sendable {
    /// The selector label that disables a policy (`--disabled-label`).
    public var enforcementLabel: EnforcementLabel = .gitlab
    /// Rule mode's default for `addDNSRule` when a policy does not say (`--dns-rule`).
    public var dnsRule = true
    /// Only watch and manage this namespace; nil: all namespaces (`--namespace`).
    public var namespace: String? {
        get { manager.namespace }
        set { manager.namespace = newValue }
    }
    /// Concurrent reconciles per controller.
    public var policyWorkers = 4
    public var environmentWorkers = 2
    /// While the policy controller is busy, an Environment waits for its namespace's
    /// policies to settle (one inventory write instead of one per policy), at most this long.
    public var inventorySettleTimeout: Duration = .seconds(30)
    /// Process options: kubeconfig, probes, leader election, logging.
    public var manager = ManagerOptions()
    /// Overrides the Lease settings derived from `manager` (tests use short timings).
    public var leaderElection: LeaderElectionConfiguration?

    public init() {}

    /// The render settings derived from these options.
    var renderOptions: RenderOptions { RenderOptions(enforcementLabel: enforcementLabel) }
}
