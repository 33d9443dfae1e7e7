import JSON

/// One change seen by a watch.
public struct WatchEvent: Sendable, Hashable {
    public enum EventType: String, Sendable, Hashable {
        case added = "ADDED", modified = "MODIFIED", deleted = "DELETED", bookmark = "BOOKMARK"
    }

    public var type: EventType
    /// The object (for a bookmark: only kind, apiVersion and metadata.resourceVersion).
    public var object: JSONValue

    public init(type: EventType, object: JSONValue) {
        self.type = type
        self.object = object
    }

    /// The object's metadata.resourceVersion, to resume the watch from.
    public var resourceVersion: String? { object[path: ["metadata", "resourceVersion"]]?.stringValue }
}
