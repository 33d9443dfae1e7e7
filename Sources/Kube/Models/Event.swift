/// events.k8s.io/v1 Event.
public struct Event: KubeObject, Hashable {
    public static let apiVersion = "events.k8s.io/v1"
    public static let kind = "Event"
    public static let resource = GroupVersionResource.events
    public var metadata: ObjectMeta
    /// RFC 3339 micro time; required by the API.
    public var eventTime: String?
    public var series: Series?
    public var reportingController: String?
    public var reportingInstance: String?
    public var action: String?
    public var reason: String?
    public var regarding: ObjectReference?
    public var related: ObjectReference?
    public var note: String?
    /// "Normal" or "Warning".
    public var type: String?

    public struct Series: Codable, Sendable, Hashable {
        public var count: Int
        public var lastObservedTime: String
        public init(count: Int, lastObservedTime: String) {
            self.count = count
            self.lastObservedTime = lastObservedTime
        }
    }

    public init(metadata: ObjectMeta) { self.metadata = metadata }
}
