/// Cluster-wide settings that shape a rendered policy.
public struct RenderOptions: Sendable, Equatable {
    public var enforcementLabel: EnforcementLabel

    public init(enforcementLabel: EnforcementLabel = .gitlab) {
        self.enforcementLabel = enforcementLabel
    }
}
