import JSON
import Testing
@testable import Operator

@Suite("Status diffing: conditions, merge patches, no churn")
struct StatusUpdateTests {
    let ready = Condition(type: "Ready", status: .true, reason: "Deployed", message: "ok", observedGeneration: 1)

    @Test func firstStatusIsWrittenWithTransitionTime() throws {
        let u = StatusUpdate.compute(live: nil, ownedKeys: ["observedGeneration", "conditions"],
                                     fields: ["observedGeneration": 1], conditions: [ready], now: "T1")
        let patch = try #require(u.patch)
        #expect(patch[path: ["status", "observedGeneration"]] == 1)
        #expect(patch[path: ["status", "conditions"]]?[0]?["lastTransitionTime"] == "T1")
    }

    @Test func recomputingTheSameStatusWritesNothing() {
        let first = StatusUpdate.compute(live: nil, ownedKeys: ["observedGeneration", "conditions"],
                                         fields: ["observedGeneration": 1], conditions: [ready], now: "T1")
        let again = StatusUpdate.compute(live: first.status, ownedKeys: ["observedGeneration", "conditions"],
                                         fields: ["observedGeneration": 1], conditions: [ready], now: "T2")
        #expect(again.patch == nil)
        #expect(again.status == first.status)
    }

    @Test func messageChangeKeepsTransitionTimeStatusChangeMovesIt() throws {
        let first = StatusUpdate.compute(live: nil, ownedKeys: ["conditions"], fields: [:], conditions: [ready], now: "T1")
        var edited = ready
        edited.message = "still ok"
        let m = StatusUpdate.compute(live: first.status, ownedKeys: ["conditions"], fields: [:], conditions: [edited], now: "T2")
        #expect(try #require(m.patch)[path: ["status", "conditions"]]?[0]?["lastTransitionTime"] == "T1")
        var flipped = ready
        flipped.status = .false
        let f = StatusUpdate.compute(live: first.status, ownedKeys: ["conditions"], fields: [:], conditions: [flipped], now: "T3")
        #expect(try #require(f.patch)[path: ["status", "conditions"]]?[0]?["lastTransitionTime"] == "T3")
    }

    @Test func othersFieldsAndConditionsSurvive() throws {
        let live: JSONValue = ["traffic": ["total": 5],
                               "conditions": [["type": "MetricsAvailable", "status": "True", "reason": "Scraped",
                                               "message": "", "lastTransitionTime": "T0"]]]
        let u = StatusUpdate.compute(live: live, ownedKeys: ["conditions", "policyInventory"],
                                     fields: ["policyInventory": ["deployed": 1]], conditions: [ready], now: "T1")
        #expect(u.status["traffic"] == ["total": 5])
        #expect(u.status["conditions"]?.arrayValue?.count == 2)
        #expect(u.status["conditions"]?[0]?["type"] == "MetricsAvailable")
        #expect(try #require(u.patch)[path: ["status", "traffic"]] == nil)
    }

    @Test func removedOwnedFieldBecomesNullInThePatch() throws {
        let live: JSONValue = ["warnings": ["w"], "conditions": []]
        let u = StatusUpdate.compute(live: live, ownedKeys: ["warnings", "conditions"], fields: [:], conditions: [], now: "T")
        #expect(try #require(u.patch)[path: ["status", "warnings"]] == .null)
    }
}

@Suite("RFC 7386 merge patch diff")
struct MergePatchTests {
    static let cases: [(JSONValue, JSONValue, JSONValue?)] = [
        (["a": 1], ["a": 1], nil),
        (["a": 1], ["a": 2], ["a": 2]),
        (["a": 1, "b": 2], ["a": 1], ["b": .null]),
        (["a": ["x": 1, "y": 2]], ["a": ["x": 1, "y": 3]], ["a": ["y": 3]]),
        (["l": [1, 2]], ["l": [1]], ["l": [1]]),
        (["a": "s"], ["a": ["n": 1]], ["a": ["n": 1]]),
    ]

    @Test(arguments: cases)
    func diff(old: JSONValue, new: JSONValue, expected: JSONValue?) {
        #expect(MergePatch.diff(from: old, to: new) == expected)
        if let p = MergePatch.diff(from: old, to: new) { #expect(old.mergePatched(with: p) == new) }
    }
}
