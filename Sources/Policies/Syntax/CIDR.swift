/// An IP prefix as Go's net.ParseCIDR reads it (which is what Cilium uses for
/// toCIDR / fromCIDR): host bits are allowed, the prefix length is mandatory.
struct CIDR: Sendable, Equatable {
    enum Family: String, Sendable { case ipv4 = "IPv4", ipv6 = "IPv6" }

    /// Address bytes: 4 for IPv4, 16 for IPv6.
    let address: [UInt8]
    let prefixLength: Int

    var family: Family { address.count == 4 ? .ipv4 : .ipv6 }

    /// Parses "a.b.c.d/n" or an IPv6 address with "/n". Returns why it failed otherwise.
    static func parse(_ text: String) -> Result<CIDR, CIDRError> {
        guard let slash = text.lastIndex(of: "/") else { return .failure(.missingPrefix) }
        let addrText = text[..<slash]
        let lenText = text[text.index(after: slash)...]
        let bytes: [UInt8]
        if addrText.contains(":") {
            guard let b = parseIPv6(addrText) else { return .failure(.badAddress) }
            bytes = b
        } else {
            guard let b = parseIPv4(addrText) else { return .failure(.badAddress) }
            bytes = b
        }
        let maxLen = bytes.count * 8
        // Go rejects signs and leading zeros are accepted only as a single digit run up to 3 chars.
        guard !lenText.isEmpty, lenText.utf8.count <= 3, lenText.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let len = Int(lenText), len <= maxLen
        else { return .failure(.badPrefixLength(max: maxLen)) }
        return .success(CIDR(address: bytes, prefixLength: len))
    }

    /// Whether `other` lies inside this prefix (same family, longer or equal prefix).
    func contains(_ other: CIDR) -> Bool {
        guard other.address.count == address.count, other.prefixLength >= prefixLength else { return false }
        var bits = prefixLength
        for i in 0..<address.count where bits > 0 {
            let take = min(8, bits)
            let mask: UInt8 = take == 8 ? 0xFF : ~(0xFF >> UInt8(take))
            if address[i] & mask != other.address[i] & mask { return false }
            bits -= take
        }
        return true
    }

    static func parseIPv4<S: StringProtocol>(_ s: S) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(4)
        for part in s.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            // Go's parser rejects leading zeros ("010") since 1.17: they are ambiguous (octal).
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  part.count == 1 || part.first != UInt8(ascii: "0")
            else { return nil }
            var v = 0
            for d in part { v = v * 10 + Int(d - 48) }
            guard v <= 255 else { return nil }
            out.append(UInt8(v))
        }
        return out.count == 4 ? out : nil
    }

    static func parseIPv6<S: StringProtocol>(_ s: S) -> [UInt8]? {
        let text = String(s)
        // Zones ("%eth0") are not valid in a CIDR.
        if text.contains("%") { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, allowTrailingV4: Bool) -> [UInt8]? {
            if part.isEmpty { return [] }
            var out: [UInt8] = []
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            for (n, item) in items.enumerated() {
                if allowTrailingV4, n == items.count - 1, item.contains(".") {
                    guard let v4 = parseIPv4(item) else { return nil }
                    out.append(contentsOf: v4)
                    continue
                }
                guard !item.isEmpty, item.utf8.count <= 4, let v = UInt16(item, radix: 16) else { return nil }
                out.append(UInt8(v >> 8))
                out.append(UInt8(v & 0xFF))
            }
            return out
        }
        if halves.count == 1 {
            guard let all = groups(text, allowTrailingV4: true), all.count == 16 else { return nil }
            return all
        }
        guard let head = groups(halves[0], allowTrailingV4: false),
              let tail = groups(halves[1], allowTrailingV4: true),
              head.count + tail.count <= 14
        else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
