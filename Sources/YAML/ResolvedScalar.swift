import JSON

/// What a scalar means once YAML 1.1 resolution (go-yaml v2's `resolve`) has run.
/// `.unsigned` is kept apart from `.double` because sigs.k8s.io/yaml refuses
/// uint64 mapping keys while it turns uint64 values into JSON numbers.
enum ResolvedScalar: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case unsigned(UInt64)
    case double(Double)
    /// The scalar's own text.
    case string

    /// go-yaml's short tag of the resolved kind, for "cannot decode" messages.
    var shortTag: String {
        switch self {
        case .null: return "!!null"
        case .bool: return "!!bool"
        case .int, .unsigned: return "!!int"
        case .double: return "!!float"
        case .string: return "!!str"
        }
    }

    /// The JSON value; `text` is used only for `.string`.
    func value(text: @autoclosure () -> String) -> JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        // JSON decoders read integers past Int64 as floating point, as kubectl's does.
        case .unsigned(let u): return .double(Double(u))
        case .double(let d): return .double(d)
        case .string: return .string(text())
        }
    }
}
