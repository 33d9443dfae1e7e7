/// Names of the API objects and the labels/annotations this module writes.
public enum PolicyMetadata {
    public static let group = "threatmonitor.dev"
    public static let version = "v1alpha1"
    public static let apiVersion = "threatmonitor.dev/v1alpha1"
    public static let policyKind = "ContainerNetworkPolicy"
    public static let environmentKind = "Environment"

    public static let ciliumAPIVersion = "cilium.io/v2"
    public static let ciliumKind = "CiliumNetworkPolicy"

    /// `app.kubernetes.io/managed-by: threat-monitor` on every rendered CNP.
    public static let managedByKey = "app.kubernetes.io/managed-by"
    public static let managedByValue = "threat-monitor"
    /// GitLab's alert annotation; any CNP carrying it is watched for drops.
    public static let alertAnnotation = "app.gitlab.com/alert"
}
