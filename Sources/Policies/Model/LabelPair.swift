/// One label `key=value`; selectors keep them sorted by key so output is deterministic.
public struct LabelPair: Sendable, Equatable, Hashable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
