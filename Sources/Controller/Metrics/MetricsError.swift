/// Why a metric could not be registered.
public enum MetricsError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidMetricName(String)
    case invalidLabelName(metric: String, label: String)
    case invalidBuckets(metric: String, reason: String)
    /// A metric of this name exists with another type or other label names.
    case conflictingRegistration(name: String, existing: String, requested: String)

    public var description: String {
        switch self {
        case .invalidMetricName(let n):
            return "metric name \"\(n)\" is invalid: use [a-zA-Z_:][a-zA-Z0-9_:]*"
        case .invalidLabelName(let m, let l):
            return "metric \(m): label name \"\(l)\" is invalid: use [a-zA-Z_][a-zA-Z0-9_]*, not starting with __ (and not \"le\" on histograms)"
        case .invalidBuckets(let m, let r):
            return "metric \(m): buckets \(r)"
        case .conflictingRegistration(let n, let e, let r):
            return "metric \(n) is already registered as \(e); cannot register it again as \(r)"
        }
    }
}
