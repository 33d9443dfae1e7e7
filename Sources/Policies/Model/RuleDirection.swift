/// Which way traffic flows, seen from the selected pods.
public enum RuleDirection: String, Sendable, Equatable, CaseIterable {
    case inbound
    case outbound
}
