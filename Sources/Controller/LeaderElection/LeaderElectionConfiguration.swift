import Foundation

/// Where the Lease is and client-go's timings (15 s lease, 10 s renew deadline, 2 s retry).
public struct LeaderElectionConfiguration: Sendable {
    public var leaseName: String
    public var leaseNamespace: String
    /// Unique per process: hostname plus a random suffix by default.
    public var identity: String
    public var leaseDuration: Duration = .seconds(15)
    /// A leader that could not renew for this long gives up (must be below leaseDuration).
    public var renewDeadline: Duration = .seconds(10)
    public var retryPeriod: Duration = .seconds(2)
    /// Clear holderIdentity on clean shutdown so a standby takes over at once.
    public var releaseOnCancel = true

    public init(leaseName: String, leaseNamespace: String, identity: String = LeaderElectionConfiguration.defaultIdentity()) {
        self.leaseName = leaseName
        self.leaseNamespace = leaseNamespace
        self.identity = identity
    }

    public static func defaultIdentity() -> String {
        let host = ProcessInfo.processInfo.hostName
        return "\(host.isEmpty ? "threat-monitor" : host)_\(UUID().uuidString.lowercased())"
    }
}
