import Synchronization

/// A FIFO mutual-exclusion lock for async code: `run` bodies never overlap.
final class AsyncLock: Sendable {
    private struct State {
        var locked = false
        var waiters: [CheckedContinuation<Void, Never>] = []
        var head = 0
    }
    private let state = Mutex(State())

    func run<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
        await acquire()
        let v = await body()
        release()
        return v
    }

    private func acquire() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s in
                if !s.locked { s.locked = true; return true }
                s.waiters.append(c)
                return false
            }
            if now { c.resume() }
        }
    }

    private func release() {
        let next = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard s.head < s.waiters.count else {
                s.locked = false
                s.waiters.removeAll(keepingCapacity: true)
                s.head = 0
                return nil
            }
            let c = s.waiters[s.head]
            s.head += 1
            return c
        }
        next?.resume()
    }
}
