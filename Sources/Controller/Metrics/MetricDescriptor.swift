/// The kind of a metric family, as written on its `# TYPE` line.
public enum MetricType: String, Sendable {
    case counter, gauge, histogram
}

/// Name, help, type and label names of a metric family.
struct MetricDescriptor: Sendable, Equatable {
    let name: String
    let help: String
    let type: MetricType
    let labelNames: [String]

    var summary: String { "\(type.rawValue) with labels [\(labelNames.joined(separator: ","))]" }

    init(name: String, help: String, type: MetricType, labelNames: [String]) throws(MetricsError) {
        guard MetricDescriptor.isValidMetricName(name) else { throw .invalidMetricName(name) }
        for l in labelNames {
            guard MetricDescriptor.isValidLabelName(l), !(type == .histogram && l == "le") else {
                throw .invalidLabelName(metric: name, label: l)
            }
        }
        self.name = name
        self.help = help
        self.type = type
        self.labelNames = labelNames
    }

    /// Label values are padded with "" or truncated to the declared label count, so
    /// a miscounted call site yields a visible odd series instead of a crash.
    func normalized(_ values: [String]) -> [String] {
        if values.count == labelNames.count { return values }
        if values.count > labelNames.count { return Array(values.prefix(labelNames.count)) }
        return values + Array(repeating: "", count: labelNames.count - values.count)
    }

    static func isValidMetricName(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return false }
        guard isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") else { return false }
        return s.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }
    }

    static func isValidLabelName(_ s: String) -> Bool {
        guard let first = s.utf8.first, !s.hasPrefix("__") else { return false }
        guard isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return s.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }
    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}
