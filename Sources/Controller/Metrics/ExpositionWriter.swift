import Foundation

/// Writes the Prometheus text exposition format 0.0.4.
struct ExpositionWriter {
    var out = ""

    mutating func header(_ d: MetricDescriptor) {
        out += "# HELP \(d.name) \(Self.escapeHelp(d.help))\n# TYPE \(d.name) \(d.type.rawValue)\n"
    }

    /// One sample line; `extra` is appended after the family's labels (for `le`).
    mutating func sample(_ name: String, labelNames: [String], labelValues: [String],
                         extra: (String, String)? = nil, value: Double) {
        out += name
        if !labelNames.isEmpty || extra != nil {
            out += "{"
            var first = true
            for (n, v) in zip(labelNames, labelValues) {
                if !first { out += "," }
                first = false
                out += "\(n)=\"\(Self.escapeLabelValue(v))\""
            }
            if let (n, v) = extra {
                if !first { out += "," }
                out += "\(n)=\"\(v)\""
            }
            out += "}"
        }
        out += " "
        out += Self.format(value)
        out += "\n"
    }

    static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v == .infinity { return "+Inf" }
        if v == -.infinity { return "-Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func escapeHelp(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0 == "\n" }) else { return s }
        return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func escapeLabelValue(_ s: String) -> String {
        guard s.contains(where: { $0 == "\\" || $0 == "\n" || $0 == "\"" }) else { return s }
        return s.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
