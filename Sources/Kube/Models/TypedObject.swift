import JSON

/// A modelled Kubernetes object: converts to and from the dynamic value the client speaks.
public protocol KubeObject: Codable, Sendable {
    static var apiVersion: String { get }
    static var kind: String { get }
    /// Where objects of this type live on the server.
    static var resource: GroupVersionResource { get }
    var metadata: ObjectMeta { get set }
}

extension KubeObject {
    /// Decodes a server object; unknown fields are dropped (keep the JSONValue for lossless round trips).
    public init(_ value: JSONValue) throws(KubeError) {
        do { self = try value.decode(Self.self) } catch { throw .decoding("\(Self.kind): \(error)") }
    }

    /// The object as a value with apiVersion and kind set.
    public func jsonValue() throws(KubeError) -> JSONValue {
        var v: JSONValue
        do { v = try JSONValue(encoding: self) } catch { throw .decoding("\(Self.kind): \(error)") }
        v["apiVersion"] = .string(Self.apiVersion)
        v["kind"] = .string(Self.kind)
        return v
    }
}
