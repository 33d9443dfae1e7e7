#if canImport(Glibc)
import Glibc
#endif

/// The subjectAltName extension value in OpenSSL's config syntax ("DNS:a,IP:127.0.0.1").
/// Inputs are validated first, so none can smuggle extra entries through a comma.
enum SubjectAltName {
    static func value(dnsNames: [String], ipAddresses: [String]) throws(CertificateError) -> String {
        var entries: [String] = []
        for name in dnsNames {
            guard isDNSName(name) else { throw .invalidDNSName(name) }
            entries.append("DNS:\(name)")
        }
        for address in ipAddresses {
            guard isIPAddress(address) else { throw .invalidIPAddress(address) }
            entries.append("IP:\(address)")
        }
        return entries.joined(separator: ",")
    }

    static func isDNSName(_ name: String) -> Bool {
        let labels = (name.hasPrefix("*.") ? String(name.dropFirst(2)) : name).split(separator: ".", omittingEmptySubsequences: false)
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7a) || $0 == 0x2d }
        }
    }

    static func isIPAddress(_ address: String) -> Bool {
        var storage = in6_addr()
        return inet_pton(AF_INET, address, &storage) == 1 || inet_pton(AF_INET6, address, &storage) == 1
    }
}
