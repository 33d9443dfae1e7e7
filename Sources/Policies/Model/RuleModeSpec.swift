/// Rule mode: the small, validated policy language of GitLab's editor.
public struct RuleModeSpec: Sendable, Equatable {
    /// Labels the policy applies to; empty selects every pod of the namespace.
    public var podSelector: [LabelPair]
    public var rules: [PolicyRule]
    /// Add the egress rule to kube-dns (port 53, L7 DNS) that outbound FQDN rules need.
    public var addDNSRule: Bool

    public init(podSelector: [LabelPair] = [], rules: [PolicyRule], addDNSRule: Bool = true) {
        self.podSelector = podSelector
        self.rules = rules
        self.addDNSRule = addDNSRule
    }
}

/// One label `key=value`; selectors keep them sorted by key so output is deterministic.
public struct LabelPair: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

public enum RuleDirection: String, Sendable, Equatable, CaseIterable {
    case inbound
    case outbound
}

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

/// The other side of the traffic. One kind per rule, as Cilium requires.
public enum RulePeer: Sendable, Equatable {
    /// Pods of the policy's namespace with these labels (empty: all of them).
    case pods([LabelPair])
    case entities([String])
    /// IPv4/IPv6 prefixes, without `except`.
    case cidrs([String])
    /// Outbound only.
    case fqdns([FQDNMatch])
}

public enum FQDNMatch: Sendable, Equatable {
    case name(String)
    case pattern(String)
}

public enum PortProtocol: String, Sendable, Equatable, CaseIterable {
    case tcp = "TCP"
    case udp = "UDP"
    case sctp = "SCTP"
    case any = "ANY"
}

/// A port or a port range (`endPort`), with its protocol (TCP by default).
public struct RulePort: Sendable, Equatable {
    public var port: Int
    public var endPort: Int?
    public var proto: PortProtocol

    public init(_ port: Int, endPort: Int? = nil, proto: PortProtocol = .tcp) {
        self.port = port
        self.endPort = endPort
        self.proto = proto
    }
}
