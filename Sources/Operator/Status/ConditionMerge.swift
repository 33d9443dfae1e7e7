import JSON

/// Folds computed conditions into the live list: a condition whose status did
/// not change keeps its lastTransitionTime (so recomputing never churns the
/// status), and conditions of types other writers own are kept as they are.
enum ConditionMerge {
    static func merge(live: JSONValue?, computed: [Condition], now: String) -> JSONValue {
        let existing = live?.arrayValue ?? []
        var byType: [String: JSONValue] = [:]
        for c in existing { if let t = c["type"]?.stringValue { byType[t] = c } }
        let ours = Set(computed.map(\.type))
        var out: [JSONValue] = []
        out.reserveCapacity(existing.count + computed.count)
        // Others' conditions first, in their order; ours after, in computed order.
        for c in existing where !(c["type"]?.stringValue.map(ours.contains) ?? false) { out.append(c) }
        for c in computed {
            let old = byType[c.type]
            let keep = old?["status"]?.stringValue == c.status.rawValue
            let time = keep ? (old?["lastTransitionTime"]?.stringValue ?? now) : now
            out.append(c.json(lastTransitionTime: time))
        }
        return .array(out)
    }
}
