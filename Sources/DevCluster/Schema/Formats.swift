import Foundation

/// The OpenAPI `format`s kube-apiserver checks on strings; unknown formats pass, as there.
enum Formats {
    static func isValid(_ s: String, format: String) -> Bool {
        switch format {
        case "int32", "int64", "float", "double": return true
        case "ipv4": return isIPv4(s)
        case "ipv6": return isIPv6(s)
        case "ip": return isIPv4(s) || isIPv6(s)
        case "cidr": return isCIDR(s)
        case "date-time", "datetime": return (try? Date(s, strategy: .iso8601)) != nil || parseRFC3339(s)
        case "date": return s.utf8.count == 10 && (try? Date(s + "T00:00:00Z", strategy: .iso8601)) != nil
        case "uuid": return UUID(uuidString: s) != nil
        case "byte": return Data(base64Encoded: s) != nil
        case "hostname": return isDNSSubdomain(s)
        case "uri": return URL(string: s)?.scheme != nil
        default: return true
        }
    }

    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isASCIIDigit) && (Int(p) ?? 256) <= 255
        }
    }

    static func isIPv6(_ s: String) -> Bool {
        var a = in6_addr()
        return s.withCString { inet_pton(AF_INET6, $0, &a) } == 1
    }

    static func isCIDR(_ s: String) -> Bool {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]), parts[1].allSatisfy(\.isASCIIDigit) else { return false }
        let ip = String(parts[0])
        if isIPv4(ip) { return (0...32).contains(bits) }
        if isIPv6(ip) { return (0...128).contains(bits) }
        return false
    }

    static func isDNSSubdomain(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 253 else { return false }
        return s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNSLabel(Substring($0)) }
    }

    static func isDNSLabel(_ s: Substring) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 63, let f = s.utf8.first, let l = s.utf8.last else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) }
        return alnum(f) && alnum(l) && s.utf8.allSatisfy { alnum($0) || $0 == 0x2D }
    }

    private static func parseRFC3339(_ s: String) -> Bool {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(s)) != nil
    }

    /// 65535 rather than 65535.0, as Go prints whole numbers.
    static func number(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
