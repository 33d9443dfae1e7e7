import Foundation
import Testing
@testable import Controller

@Suite struct EventCorrelatorTests {
    let ref = InvolvedObject(apiVersion: "threatmonitor.dev/v1alpha1", kind: "ContainerNetworkPolicy",
                              namespace: "ns", name: "p", uid: "u1")
    let t0 = Date(timeIntervalSince1970: 1_000_000)

    func record(_ note: String = "spec.rules[0]: bad", reason: String = "Invalid", on r: InvolvedObject? = nil) -> EventRecord {
        EventRecord(regarding: r ?? ref, type: .warning, reason: reason, action: "Validate", note: note)
    }

    @Test func thousandIdenticalEventsBecomeOneSeries() {
        var c = EventCorrelator()
        var creates = 0, starts = 0, counted = 0
        for i in 0..<1000 {
            switch c.correlate(record(), now: t0.addingTimeInterval(Double(i) * 0.001)) {
            case .create: creates += 1
            case .startSeries(_, let n): starts += 1; #expect(n == 2)
            case .counted: counted += 1
            case .dropped: Issue.record("identical events must not be dropped")
            }
        }
        #expect(creates == 1)
        #expect(starts == 1)
        #expect(counted == 998)
        let updates = c.pendingSeriesUpdates()
        #expect(updates.count == 1)
        #expect(updates.first?.count == 1000)
        // Flushed once: nothing pending until the count grows again.
        #expect(c.pendingSeriesUpdates().isEmpty)
    }

    @Test func eventNameIsKeptForSeriesUpdates() {
        var c = EventCorrelator()
        guard case .create(_, let key) = c.correlate(record(), now: t0) else {
            Issue.record("first event must be created")
            return
        }
        c.setEventName("p.abc", for: key)
        _ = c.correlate(record(), now: t0)
        _ = c.correlate(record(), now: t0)
        #expect(c.pendingSeriesUpdates().first?.eventName == "p.abc")
    }

    @Test func forgottenSeriesIsCreatedAgain() {
        var c = EventCorrelator()
        guard case .create(_, let key) = c.correlate(record(), now: t0) else {
            Issue.record("first event must be created")
            return
        }
        c.forget(key)
        guard case .create = c.correlate(record(), now: t0) else {
            Issue.record("after a failed create the next occurrence must create again")
            return
        }
    }

    @Test func seriesEndsAfterItsWindow() {
        var c = EventCorrelator()
        _ = c.correlate(record(), now: t0)
        let later = c.correlate(record(), now: t0.addingTimeInterval(c.configuration.seriesWindow + 1))
        guard case .create = later else {
            Issue.record("an event after the series window starts a new Event, got \(later)")
            return
        }
    }

    @Test func manySimilarNotesAreCombined() {
        var c = EventCorrelator()
        var notes: [String] = []
        for i in 0..<15 {
            if case .create(let r, _) = c.correlate(record("port \(i) invalid"), now: t0) { notes.append(r.note) }
        }
        // 9 distinct Events, then one combined Event; the rest count in its series.
        #expect(notes.count == 10)
        #expect(notes.last == "(combined from similar events): port 9 invalid")
        // Events 10 to 15 all count in the combined series.
        #expect(c.pendingSeriesUpdates().first?.count == 6)
    }

    @Test func spamFilterCapsNewEventsPerObject() {
        var cfg = EventCorrelator.Configuration()
        cfg.maxSimilarEvents = 10_000
        var c = EventCorrelator(configuration: cfg)
        var created = 0, dropped = 0
        for i in 0..<100 {
            switch c.correlate(record("n\(i)"), now: t0) {
            case .create: created += 1
            case .dropped: dropped += 1
            default: break
            }
        }
        #expect(created == 25)
        #expect(dropped == 75)
        // Another object has its own bucket.
        let other = InvolvedObject(apiVersion: "v1", kind: "Pod", namespace: "ns", name: "q")
        guard case .create = c.correlate(record("x", on: other), now: t0) else {
            Issue.record("another object must not be throttled")
            return
        }
        // One token refills per 5 minutes.
        guard case .create = c.correlate(record("late"), now: t0.addingTimeInterval(301)) else {
            Issue.record("a token must refill after 300 s")
            return
        }
    }

    @Test func trackedStateIsBounded() {
        var cfg = EventCorrelator.Configuration()
        cfg.maxTracked = 100
        var c = EventCorrelator(configuration: cfg)
        for i in 0..<1000 {
            let r = InvolvedObject(apiVersion: "v1", kind: "Pod", namespace: "ns", name: "p\(i)")
            _ = c.correlate(record(on: r), now: t0.addingTimeInterval(Double(i)))
        }
        #expect(c.trackedSeriesCount <= 101)
    }
}
