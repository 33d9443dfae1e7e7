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

public struct ObjectReference: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var resourceVersion: String?
    public var fieldPath: String?

    public init(apiVersion: String? = nil, kind: String? = nil, namespace: String? = nil, name: String? = nil,
                uid: String? = nil, resourceVersion: String? = nil, fieldPath: String? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.fieldPath = fieldPath
    }
}
