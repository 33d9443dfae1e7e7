import Foundation

/// Accumulates a byte stream and yields complete newline-terminated lines, whether a
/// chunk holds part of a line or many lines. Consumed bytes are dropped in bulk, so
/// the work stays linear in the bytes received.
struct LineBuffer {
    private(set) var bytes: [UInt8] = []
    private var start = 0
    private var scanned = 0
    let maxLineBytes: Int
    /// The largest the storage has been (tests check it stays near one chunk).
    private(set) var peakStorage = 0

    init(maxLineBytes: Int = 64 << 20) {
        self.maxLineBytes = maxLineBytes
    }

    var pendingCount: Int { bytes.count - start }

    mutating func append(_ data: Data) {
        if start > 0, start >= bytes.count / 2 {
            bytes.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        bytes.append(contentsOf: data)
        peakStorage = max(peakStorage, bytes.count)
    }

    /// The next complete line (without the newline), or nil when none is complete yet.
    mutating func nextLine() -> Range<Int>? {
        let from = scanned
        // memchr is vectorised: the scan costs little next to JSON parsing.
        let found: Int? = bytes.withUnsafeBufferPointer { (buf: UnsafeBufferPointer<UInt8>) -> Int? in
            guard let base = buf.baseAddress, from < buf.count,
                  let hit = memchr(base + from, 0x0A, buf.count - from) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        guard let nl = found else {
            scanned = bytes.count
            return nil
        }
        let line = start..<nl
        start = nl + 1
        scanned = start
        return line
    }

    /// True when an unfinished line has grown past the limit (a broken or hostile stream).
    var overflowed: Bool { pendingCount > maxLineBytes }

    func withLine<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
