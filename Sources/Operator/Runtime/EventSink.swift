import Controller
import JSON

/// Where reconcilers report Events: Controller's EventRecorder (series, spam
/// filter); a protocol so the reconcilers do not depend on how Events are written.
protocol EventSink: Sendable {
    func event(_ object: JSONValue, type: EventType, reason: String, action: String, note: String) async
}
