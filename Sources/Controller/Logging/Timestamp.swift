import Foundation

/// RFC 3339 UTC timestamps built by hand: date formatters are costly, and Kubernetes
/// MicroTime fields need exactly six fractional digits.
public enum Timestamp {
    /// "2024-05-01T12:00:00.123Z" (3 digits), "2024-05-01T12:00:00.123456Z" (6, MicroTime).
    public static func rfc3339(_ d: Date, fractionDigits: Int) -> String {
        let t = d.timeIntervalSince1970
        var secs = time_t(t.rounded(.down))
        let scale = pow(10.0, Double(fractionDigits))
        let frac = min(Int(scale) - 1, Int(((t - Double(secs)) * scale).rounded()))
        var tmv = tm()
        gmtime_r(&secs, &tmv)
        var s = pad(Int(tmv.tm_year) + 1900, 4) + "-" + pad(Int(tmv.tm_mon) + 1, 2) + "-" + pad(Int(tmv.tm_mday), 2)
        s += "T" + pad(Int(tmv.tm_hour), 2) + ":" + pad(Int(tmv.tm_min), 2) + ":" + pad(Int(tmv.tm_sec), 2)
        if fractionDigits > 0 { s += "." + pad(frac, fractionDigits) }
        return s + "Z"
    }

    /// A Kubernetes MicroTime string.
    public static func micro(_ d: Date) -> String { rfc3339(d, fractionDigits: 6) }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
