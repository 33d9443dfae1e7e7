import JSON

extension JSONValue {
    /// Whether any double inside satisfies `predicate` (NaN breaks equality, JSON has no infinities).
    func containsDouble(where predicate: (Double) -> Bool) -> Bool {
        switch self {
        case .double(let d): return predicate(d)
        case .array(let items): return items.contains { $0.containsDouble(where: predicate) }
        case .object(let o): return o.values.contains { $0.containsDouble(where: predicate) }
        default: return false
        }
    }
}
