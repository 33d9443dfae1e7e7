import Controller
import JSON
import Synchronization

/// Where reconcilers report Events (Controller's EventRecorder in the operator,
/// a memory sink in tests).
public protocol EventSink: Sendable {
    func event(_ object: JSONValue, type: EventType, reason: String, action: String, note: String) async
}

/// Keeps events in memory, for tests and dry runs.
public final class MemoryEventSink: EventSink {
    public struct Recorded: Sendable, Equatable {
        public var name: String
        public var type: EventType
        public var reason: String
        public var note: String
    }

    private let events = Mutex<[Recorded]>([])
    public init() {}

    public func event(_ object: JSONValue, type: EventType, reason: String, action: String, note: String) async {
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        events.withLock { $0.append(Recorded(name: name, type: type, reason: reason, note: note)) }
    }

    public var all: [Recorded] { events.withLock { $0 } }
}
