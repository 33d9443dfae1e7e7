import Kube
import Policies

/// The resources the operator reads and writes.
enum OperatorResources {
    static let policies = GroupVersionResource(group: PolicyMetadata.group, version: PolicyMetadata.version,
                                               resource: "containernetworkpolicies")
    static let environments = GroupVersionResource(group: PolicyMetadata.group, version: PolicyMetadata.version,
                                                   resource: "environments")
    static let cnps = GroupVersionResource.ciliumNetworkPolicies
    /// The field manager recorded in managedFields for our writes.
    static let fieldManager = "threat-monitor"
}
