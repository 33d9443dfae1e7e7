/// A resource type on the API server: group ("" for core), version and plural resource name.
public struct GroupVersionResource: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var resource: String

    public init(group: String, version: String, resource: String) {
        self.group = group
        self.version = version
        self.resource = resource
    }

    /// "v1" or "apps/v1".
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var description: String { group.isEmpty ? "\(resource).\(version)" : "\(resource).\(version).\(group)" }

    /// The path prefix: /api/v1 or /apis/group/version.
    var basePath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    public static let namespaces = GroupVersionResource(group: "", version: "v1", resource: "namespaces")
    public static let configMaps = GroupVersionResource(group: "", version: "v1", resource: "configmaps")
    public static let secrets = GroupVersionResource(group: "", version: "v1", resource: "secrets")
    public static let pods = GroupVersionResource(group: "", version: "v1", resource: "pods")
    public static let services = GroupVersionResource(group: "", version: "v1", resource: "services")
    public static let leases = GroupVersionResource(group: "coordination.k8s.io", version: "v1", resource: "leases")
    public static let events = GroupVersionResource(group: "events.k8s.io", version: "v1", resource: "events")
    public static let endpointSlices = GroupVersionResource(group: "discovery.k8s.io", version: "v1", resource: "endpointslices")
    public static let customResourceDefinitions = GroupVersionResource(group: "apiextensions.k8s.io", version: "v1", resource: "customresourcedefinitions")
    public static let ciliumNetworkPolicies = GroupVersionResource(group: "cilium.io", version: "v2", resource: "ciliumnetworkpolicies")
}
