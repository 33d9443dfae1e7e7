import JSON

/// The object an Event is about (events.k8s.io/v1 `regarding` / `related`).
public struct InvolvedObject: Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var namespace: String?
    public var name: String
    public var uid: String?

    public init(apiVersion: String, kind: String, namespace: String?, name: String, uid: String? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
    }

    /// The reference of an object's own apiVersion, kind and metadata; nil without kind or name.
    public init?(object: JSONValue) {
        guard let kind = object["kind"]?.stringValue, let key = ObjectKey(object: object) else { return nil }
        self.init(apiVersion: object["apiVersion"]?.stringValue ?? "", kind: kind, namespace: key.namespace,
                  name: key.name, uid: object[path: ["metadata", "uid"]]?.stringValue)
    }

    var json: JSONValue {
        var o = JSONObject()
        o["apiVersion"] = .string(apiVersion)
        o["kind"] = .string(kind)
        if let namespace { o["namespace"] = .string(namespace) }
        o["name"] = .string(name)
        if let uid { o["uid"] = .string(uid) }
        return .object(o)
    }
}

/// Normal or Warning, as Kubernetes spells them.
public enum EventType: String, Sendable, Hashable {
    case normal = "Normal"
    case warning = "Warning"
}

/// One occurrence to record. Two records with equal fields are "isomorphic" and
/// are counted in one Event's series.
public struct EventRecord: Sendable, Hashable {
    public var regarding: InvolvedObject
    public var related: InvolvedObject?
    public var type: EventType
    /// Why the action was taken, UpperCamelCase ("Invalid", "Synced").
    public var reason: String
    /// What was done or failed ("Reconcile", "Render").
    public var action: String
    /// Human-readable detail, at most 1 kB.
    public var note: String

    public init(regarding: InvolvedObject, related: InvolvedObject? = nil, type: EventType, reason: String,
                action: String, note: String) {
        self.regarding = regarding
        self.related = related
        self.type = type
        self.reason = reason
        self.action = action
        self.note = note
    }
}
