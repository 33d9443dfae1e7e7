import Foundation
import JSON
import Kube

/// Writes events.k8s.io/v1 Events through an `EventCorrelator`: the first occurrence
/// creates an Event, the second writes its series at once, later ones are counted in
/// memory and written by `flush()` (called every `flushInterval` by `run()`, and at shutdown).
public actor EventRecorder {
    public let reportingController: String
    public let reportingInstance: String
    let client: KubeClient
    let logger: Logger
    let flushInterval: Duration
    private var correlator: EventCorrelator
    private let written: Counter?
    private let droppedCounter: Counter?

    public init(client: KubeClient, reportingController: String, reportingInstance: String,
                correlator: EventCorrelator.Configuration = .init(), flushInterval: Duration = .seconds(30),
                logger: Logger = .disabled, registry: MetricsRegistry? = nil) throws(MetricsError) {
        self.client = client
        self.reportingController = reportingController
        self.reportingInstance = reportingInstance
        self.correlator = EventCorrelator(configuration: correlator)
        self.flushInterval = flushInterval
        self.logger = logger.with(["component": "events"])
        let family = try registry?.counter("controller_events_total",
                                           help: "Events handled by the recorder per result (written, dropped).",
                                           labels: ["controller", "result"])
        written = family?.labels(reportingController, "written")
        droppedCounter = family?.labels(reportingController, "dropped")
    }

    /// Records an event about `object` (which needs apiVersion, kind and metadata.name).
    public func event(_ object: JSONValue, type: EventType, reason: String, action: String, note: String) async {
        guard let ref = InvolvedObject(object: object) else {
            logger.warning("event about an object without kind or name dropped", ["reason": reason])
            return
        }
        await record(EventRecord(regarding: ref, type: type, reason: reason, action: action, note: note))
    }

    /// Correlates and, unless counted in a series or dropped as spam, writes at once.
    public func record(_ record: EventRecord) async {
        switch correlator.correlate(record, now: Date()) {
        case .dropped:
            droppedCounter?.inc()
            logger.debug("event dropped by the spam filter", ["reason": record.reason, "object": record.regarding.name])
        case .counted:
            break
        case .startSeries(let key, let count):
            guard let name = correlator.eventName(for: key) else {
                // The create is still in flight (actor reentrancy); it flushes when done.
                correlator.markPending(key)
                return
            }
            await writeSeries(name: name, key: key, count: count, lastObserved: Date())
        case .create(let toWrite, let key):
            await create(toWrite, key: key)
        }
    }

    /// Writes every series whose count grew since it was last written.
    public func flush() async {
        for u in correlator.pendingSeriesUpdates() {
            guard let name = u.eventName else { continue }
            await writeSeries(name: name, key: u.series, count: u.count, lastObserved: u.lastObserved)
        }
    }

    /// Flushes every `flushInterval` until cancelled, then once more.
    public func run() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: flushInterval) } catch { break }
            await flush()
        }
        await Task { await self.flush() }.value
    }

    // MARK: - Writing

    private func create(_ r: EventRecord, key: EventRecord) async {
        let now = Date()
        let namespace = r.regarding.namespace ?? "default"
        // client-go names events "<object>.<hex unix nanos>"; unique enough per object.
        let nanos = UInt64(max(0, now.timeIntervalSince1970) * 1e9)
        let name = "\(r.regarding.name).\(String(nanos, radix: 16))"
        var event: JSONValue = [
            "apiVersion": "events.k8s.io/v1", "kind": "Event",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "eventTime": .string(Timestamp.micro(now)),
            "reportingController": .string(reportingController),
            "reportingInstance": .string(reportingInstance),
            "action": .string(String(r.action.prefix(128))),
            "reason": .string(String(r.reason.prefix(128))),
            "regarding": r.regarding.json,
            "note": .string(Self.truncatedNote(r.note)),
            "type": .string(r.type.rawValue),
        ]
        if let related = r.related { event["related"] = related.json }
        do {
            _ = try await client.create(.events, namespace: namespace, event)
            written?.inc()
            correlator.setEventName(name, for: key)
            // Occurrences that arrived while creating are written now, not at the next tick.
            if correlator.count(for: key) > 1 { await flush() }
        } catch {
            correlator.forget(key)
            logger.warning("cannot create event", ["reason": r.reason, "object": r.regarding.name, "error": error.description])
        }
    }

    private func writeSeries(name: String, key: EventRecord, count: Int, lastObserved: Date) async {
        let namespace = key.regarding.namespace ?? "default"
        let patch: JSONValue = ["series": ["count": .int(Int64(count)), "lastObservedTime": .string(Timestamp.micro(lastObserved))]]
        do {
            _ = try await client.patch(.events, namespace: namespace, name: name, .merge(patch))
            written?.inc()
        } catch {
            logger.warning("cannot update event series", ["event": name, "count": count, "error": error.description])
        }
    }

    /// Notes are limited to 1 kB by the API; cut on a character boundary.
    static func truncatedNote(_ s: String) -> String {
        guard s.utf8.count > 1024 else { return s }
        var out = ""
        for ch in s {
            if out.utf8.count + ch.utf8.count > 1021 { break }
            out.append(ch)
        }
        return out + "..."
    }
}
