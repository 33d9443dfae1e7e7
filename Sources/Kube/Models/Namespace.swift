public struct Namespace: KubeObject, Hashable {
    public static let apiVersion = "v1"
    public static let kind = "Namespace"
    public static let resource = GroupVersionResource.namespaces
    public var metadata: ObjectMeta
    public var status: NamespaceStatus?

    public struct NamespaceStatus: Codable, Sendable, Hashable {
        public var phase: String?
    }

    public init(metadata: ObjectMeta) { self.metadata = metadata }
}
