/// go-yaml v2's guard against alias bombs ("billion laughs"): aliases may make up
/// most of a small document but only a shrinking share of a large one, so the
/// expanded value stays within a small multiple of what was written.
struct AliasBudget {
    private(set) var decodeCount = 0
    private(set) var aliasCount = 0

    mutating func countNode() {
        decodeCount = decodeCount.addingSaturating(1)
    }

    /// Counts an alias whose target has `size` nodes; a message when the budget is spent.
    mutating func countAlias(expandingTo size: Int) -> String? {
        decodeCount = decodeCount.addingSaturating(size)
        aliasCount = aliasCount.addingSaturating(size)
        guard aliasCount > 100, decodeCount > 1000,
              Double(aliasCount) / Double(decodeCount) > Self.allowedAliasRatio(decodeCount)
        else { return nil }
        return "document contains excessive aliasing: aliases expand to \(aliasCount) of \(decodeCount) nodes (limit against alias bombs)"
    }

    /// 99% for documents up to 400,000 nodes, falling linearly to 10% at 4,000,000.
    static func allowedAliasRatio(_ decodeCount: Int) -> Double {
        let low = 400_000.0, high = 4_000_000.0
        let count = Double(decodeCount)
        if count <= low { return 0.99 }
        if count >= high { return 0.10 }
        return 0.99 - 0.89 * (count - low) / (high - low)
    }
}
