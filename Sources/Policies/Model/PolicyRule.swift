/// One rule block: a direction, exactly one kind of peer, optional ports.
public struct PolicyRule: Sendable, Equatable {
    public var direction: RuleDirection
    public var peer: RulePeer
    /// Empty: every port and protocol.
    public var ports: [RulePort]

    public init(direction: RuleDirection, peer: RulePeer, ports: [RulePort] = []) {
        self.direction = direction
        self.peer = peer
        self.ports = ports
    }
}
