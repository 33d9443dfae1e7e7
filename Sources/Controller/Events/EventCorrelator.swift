import Foundation

/// client-go's event correlation as a pure state machine, so a hot loop cannot flood
/// the API server:
/// - isomorphic records within `seriesWindow` of each other join one Event's series
///   (the 2nd occurrence is written at once, later ones are batched by the recorder);
/// - once `maxSimilarEvents` distinct notes share everything else within
///   `similarWindow`, further ones are combined into one series
///   ("(combined from similar events): ...");
/// - new Events per regarding object go through a token bucket (burst 25, one per
///   5 minutes), and are dropped beyond it.
public struct EventCorrelator: Sendable {
    public struct Configuration: Sendable {
        public var maxSimilarEvents = 10
        public var similarWindow: TimeInterval = 600
        public var seriesWindow: TimeInterval = 360
        public var spamBurst = 25
        public var spamQPS = 1.0 / 300
        /// Bound on remembered series and buckets; the oldest are forgotten beyond it.
        public var maxTracked = 4096
        public init() {}
    }

    /// What the recorder must do with a record.
    public enum Decision: Sendable, Equatable {
        /// Create a new Event for `record` (its note possibly combined); remember it under `series`.
        case create(record: EventRecord, series: EventRecord)
        /// The second occurrence: write the series (count 2) to the existing Event now.
        case startSeries(series: EventRecord, count: Int)
        /// Counted in memory; `pendingSeriesUpdates` will return it.
        case counted(series: EventRecord)
        /// Over the spam limit for this object: not written.
        case dropped
    }

    public struct SeriesUpdate: Sendable, Equatable {
        public var series: EventRecord
        public var eventName: String?
        public var count: Int
        public var lastObserved: Date
    }

    struct Series: Sendable {
        var count: Int
        var lastObserved: Date
        var written: Int
        var eventName: String?
    }

    struct Similar: Sendable {
        var notes: Set<String>
        var windowStart: Date
    }

    static let combinedPrefix = "(combined from similar events): "

    public let configuration: Configuration
    private var series: [EventRecord: Series] = [:]
    private var dirty: Set<EventRecord> = []
    private var similar: [EventRecord: Similar] = [:]
    private var buckets: [InvolvedObject: (bucket: TokenBucket, used: Date)] = [:]

    public init(configuration: Configuration = Configuration()) { self.configuration = configuration }

    public mutating func correlate(_ record: EventRecord, now: Date) -> Decision {
        var seriesKey = record
        var written = record
        if aggregate(record, now: now) {
            seriesKey.note = Self.combinedPrefix
            written.note = Self.combinedPrefix + record.note
        }
        if var s = series[seriesKey], now.timeIntervalSince(s.lastObserved) <= configuration.seriesWindow {
            s.count += 1
            s.lastObserved = now
            if s.count == 2 {
                s.written = 2
                series[seriesKey] = s
                return .startSeries(series: seriesKey, count: 2)
            }
            series[seriesKey] = s
            dirty.insert(seriesKey)
            return .counted(series: seriesKey)
        }
        guard allow(record.regarding, now: now) else { return .dropped }
        series[seriesKey] = Series(count: 1, lastObserved: now, written: 1)
        dirty.remove(seriesKey)
        prune(now: now)
        return .create(record: written, series: seriesKey)
    }

    /// Records the name of the Event created for a series, for later series updates.
    public mutating func setEventName(_ name: String, for key: EventRecord) { series[key]?.eventName = name }

    public func eventName(for key: EventRecord) -> String? { series[key]?.eventName }

    /// Series whose count grew since last written; they count as written afterwards.
    public mutating func pendingSeriesUpdates() -> [SeriesUpdate] {
        var out: [SeriesUpdate] = []
        for key in dirty {
            guard var s = series[key], s.count > s.written else { continue }
            s.written = s.count
            series[key] = s
            out.append(SeriesUpdate(series: key, eventName: s.eventName, count: s.count, lastObserved: s.lastObserved))
        }
        dirty.removeAll()
        return out
    }

    public func count(for key: EventRecord) -> Int { series[key]?.count ?? 0 }

    /// True once this record's note should be combined with similar ones.
    private mutating func aggregate(_ record: EventRecord, now: Date) -> Bool {
        var key = record
        key.note = ""
        var s = similar[key] ?? Similar(notes: [], windowStart: now)
        if now.timeIntervalSince(s.windowStart) > configuration.similarWindow { s = Similar(notes: [], windowStart: now) }
        s.notes.insert(record.note)
        similar[key] = s
        return s.notes.count >= configuration.maxSimilarEvents
    }

    private mutating func allow(_ ref: InvolvedObject, now: Date) -> Bool {
        var entry = buckets[ref] ?? (TokenBucket(rate: configuration.spamQPS, burst: configuration.spamBurst), now)
        let ok = entry.bucket.tryTake(now: now.timeIntervalSince1970)
        entry.used = now
        buckets[ref] = entry
        return ok
    }

    /// Forgets expired state once a map outgrows `maxTracked`; amortised, since it
    /// then shrinks to at most three quarters of the bound.
    private mutating func prune(now: Date) {
        let limit = configuration.maxTracked
        if series.count > limit {
            let window = configuration.seriesWindow
            series = series.filter { now.timeIntervalSince($0.value.lastObserved) <= window }
            if series.count > limit * 3 / 4 {
                let keep = series.sorted { $0.value.lastObserved > $1.value.lastObserved }.prefix(limit * 3 / 4)
                series = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
            }
            dirty = dirty.filter { series[$0] != nil }
        }
        if similar.count > limit {
            let window = configuration.similarWindow
            similar = similar.filter { now.timeIntervalSince($0.value.windowStart) <= window }
        }
        if buckets.count > limit {
            // A bucket refills fully in burst/qps seconds; older ones carry no state worth keeping.
            let full = Double(configuration.spamBurst) / max(configuration.spamQPS, 1e-9)
            buckets = buckets.filter { now.timeIntervalSince($0.value.used) < full }
            if buckets.count > limit * 3 / 4 {
                let keep = buckets.sorted { $0.value.used > $1.value.used }.prefix(limit * 3 / 4)
                buckets = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
            }
        }
    }
}

extension EventCorrelator {
    /// How many series are remembered (bounded by `maxTracked`).
    var trackedSeriesCount: Int { series.count }
}

extension EventCorrelator {
    /// Puts a series back in the pending set (its Event did not exist yet when it grew).
    public mutating func markPending(_ key: EventRecord) {
        guard var s = series[key] else { return }
        s.written = min(s.written, 1)
        series[key] = s
        dirty.insert(key)
    }
}

extension EventCorrelator {
    /// Forgets a series whose Event could not be created, so the next occurrence tries again.
    public mutating func forget(_ key: EventRecord) {
        series[key] = nil
        dirty.remove(key)
    }
}
