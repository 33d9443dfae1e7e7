/// The L4 protocol of a Rule-mode port; TCP when not given.
public enum PortProtocol: String, Sendable, Equatable, CaseIterable {
    case tcp = "TCP"
    case udp = "UDP"
    case sctp = "SCTP"
    case any = "ANY"
}
