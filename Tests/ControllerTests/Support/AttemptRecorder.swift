@testable import Controller

/// Records when each key was reconciled, and fails the first `failures` attempts.
actor AttemptRecorder {
    private(set) var attempts: [ObjectKey: [ContinuousClock.Instant]] = [:]
    private(set) var seenValues: [String] = []
    private let failures: Int

    init(failures: Int = 0) { self.failures = failures }

    func record(_ key: ObjectKey) throws -> Int {
        attempts[key, default: []].append(.now)
        let n = attempts[key, default: []].count
        if n <= failures { throw TestReconcileError.transient(attempt: n) }
        return n
    }

    func note(_ v: String) { seenValues.append(v) }
    func count(_ key: ObjectKey) -> Int { attempts[key]?.count ?? 0 }
    var total: Int { attempts.values.reduce(0) { $0 + $1.count } }
}

enum TestReconcileError: Error {
    case transient(attempt: Int)
    case plain
}

struct KindedError: Error, ReconcileErrorKind {
    var errorKind: String { "CustomKind" }
}
