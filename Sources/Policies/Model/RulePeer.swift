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
