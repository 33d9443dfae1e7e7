/// The version reported in the user agent.
public enum KubeVersion {
    public static let current = "0.1.0"
}
