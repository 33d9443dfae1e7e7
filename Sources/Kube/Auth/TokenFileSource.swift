import Foundation
import Synchronization

/// A bearer token in a file that is rotated in place (projected service-account tokens):
/// the file's modification time is checked at most once per interval, and the file
/// re-read when it changed.
final class TokenFileSource: Sendable {
    private struct Cache {
        var token: String?
        var modified: Date?
        var checkedAt: ContinuousClock.Instant?
    }

    let path: String
    let recheckInterval: Duration
    private let cache = Mutex(Cache())

    init(path: String, recheckInterval: Duration) {
        self.path = path
        self.recheckInterval = recheckInterval
    }

    func token() throws(KubeError) -> String {
        let now = ContinuousClock.now
        let cached = cache.withLock { c -> String? in
            if let t = c.token, let at = c.checkedAt, now - at < recheckInterval { return t }
            return nil
        }
        if let cached { return cached }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        if let t = cache.withLock({ c -> String? in
            guard let t = c.token, c.modified == modified, modified != nil else { return nil }
            c.checkedAt = now
            return t
        }) {
            return t
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .authentication("cannot read token file \(path): \(error.localizedDescription)")
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw .authentication("token file \(path) is empty") }
        cache.withLock { $0 = Cache(token: token, modified: modified, checkedAt: now) }
        return token
    }

    /// Forces a re-read on the next request (after a 401).
    func invalidate() {
        cache.withLock { $0 = Cache() }
    }
}
