/// A binary min-heap of (deadline, key) for delayed adds; O(log n) push and pop.
struct DelayHeap<Key: Sendable>: Sendable {
    struct Entry: Sendable {
        let deadline: ContinuousClock.Instant
        let sequence: UInt64
        let key: Key
        func before(_ o: Entry) -> Bool {
            deadline != o.deadline ? deadline < o.deadline : sequence < o.sequence
        }
    }

    private var items: [Entry] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    var first: Entry? { items.first }

    mutating func push(_ key: Key, at deadline: ContinuousClock.Instant) {
        items.append(Entry(deadline: deadline, sequence: nextSequence, key: key))
        nextSequence &+= 1
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i].before(items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Entry? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, items[l].before(items[m]) { m = l }
            if r < items.count, items[r].before(items[m]) { m = r }
            guard m != i else { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }

    mutating func removeAll() { items.removeAll() }
}
