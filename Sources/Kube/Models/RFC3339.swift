import Foundation

/// Kubernetes timestamps ("2024-05-01T12:00:00Z", optionally with fractional seconds).
public enum RFC3339 {
    public static func parse(_ s: String) -> Date? {
        if let d = try? Date(s, strategy: .iso8601) { return d }
        return try? Date(s, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    public static func format(_ d: Date) -> String {
        d.formatted(.iso8601)
    }
}
