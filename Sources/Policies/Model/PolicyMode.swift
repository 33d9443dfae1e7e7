/// The three ways of writing a policy, shown in the Mode printer column.
public enum PolicyMode: String, Sendable, Equatable, CaseIterable {
    case predefined = "Predefined"
    case rules = "Rules"
    case cilium = "Cilium"
}
