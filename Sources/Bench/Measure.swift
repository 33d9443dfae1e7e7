import Foundation

/// Runs `body` until at least `minimum` has passed (and at least twice), returning
/// the best time per iteration, which is the least noisy figure on a shared machine.
func bestTime(minimum: Duration = .seconds(2), _ body: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    let start = clock.now
    var runs = 0
    while runs < 2 || clock.now - start < minimum {
        let t0 = clock.now
        try body()
        best = min(best, clock.now - t0)
        runs += 1
    }
    return best
}

extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

/// One figure per line: `name value unit`, machine-readable and greppable.
func report(_ name: String, _ value: Double, _ unit: String, note: String = "") {
    let v = String(format: "%.1f", value)
    print("\(name) \(v) \(unit)\(note.isEmpty ? "" : "  # \(note)")")
}

func throughput(_ name: String, bytes: Int, note: String = "", _ body: () throws -> Void) rethrows {
    let t = try bestTime(body)
    report(name, Double(bytes) / 1_048_576 / t.seconds, "MB/s", note: note)
}
