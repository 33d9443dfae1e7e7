/// Ordered key-value pairs attached to a log line: `["key": key, "attempt": 3]`.
public struct LogFields: Sendable, ExpressibleByDictionaryLiteral {
    public var pairs: [(key: String, value: String)]

    public init() { pairs = [] }
    public init(_ pairs: [(key: String, value: String)]) { self.pairs = pairs }
    public init(dictionaryLiteral elements: (String, any CustomStringConvertible)...) {
        pairs = elements.map { ($0.0, $0.1.description) }
    }

    public var isEmpty: Bool { pairs.isEmpty }

    public static func + (a: LogFields, b: LogFields) -> LogFields { LogFields(a.pairs + b.pairs) }
}
