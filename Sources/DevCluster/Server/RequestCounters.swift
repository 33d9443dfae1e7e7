import Synchronization

/// Requests served, by RBAC verb and resource ("configmaps", "widgets/status").
final class RequestCounters: Sendable {
    private let counts = Mutex<[String: [String: Int]]>([:])

    func record(verb: String, resource: String) {
        counts.withLock { $0[verb, default: [:]][resource, default: 0] += 1 }
    }

    /// `resource` nil counts every resource; "widgets" includes its subresources; "widgets/status" only that.
    func count(verb: String, resource: String?) -> Int {
        counts.withLock { c in
            guard let byResource = c[verb] else { return 0 }
            guard let r = resource else { return byResource.values.reduce(0, +) }
            if r.contains("/") { return byResource[r] ?? 0 }
            return byResource.reduce(0) { $0 + (($1.key == r || $1.key.hasPrefix(r + "/")) ? $1.value : 0) }
        }
    }

    func reset() {
        counts.withLock { $0.removeAll() }
    }
}
