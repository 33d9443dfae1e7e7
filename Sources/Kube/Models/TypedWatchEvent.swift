/// A watch event decoded into a model (WatchEvent keeps the dynamic object).
public struct TypedWatchEvent<Object: KubeObject>: Sendable {
    public var type: WatchEvent.EventType
    public var object: Object

    public init(_ event: WatchEvent) throws(KubeError) {
        type = event.type
        object = try Object(event.object)
    }
}
