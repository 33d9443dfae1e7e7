import Testing
@testable import Policies

@Suite("CIDR parsing (Go net.ParseCIDR rules)")
struct CIDRTests {
    @Test("valid prefixes parse to the right family and length", arguments: [
        ("0.0.0.0/0", CIDR.Family.ipv4, 0), ("10.0.0.0/8", .ipv4, 8), ("10.1.2.3/8", .ipv4, 8),
        ("255.255.255.255/32", .ipv4, 32), ("::/0", .ipv6, 0), ("2001:db8::/32", .ipv6, 32),
        ("2001:db8::1/128", .ipv6, 128), ("fe80::/10", .ipv6, 10), ("1:2:3:4:5:6:7:8/64", .ipv6, 64),
        ("::ffff:10.0.0.1/128", .ipv6, 128), ("::1/128", .ipv6, 128), ("1::/16", .ipv6, 16),
    ])
    func valid(_ text: String, _ family: CIDR.Family, _ length: Int) throws {
        let c = try CIDR.parse(text).get()
        #expect(c.family == family)
        #expect(c.prefixLength == length)
    }

    // MARK: rejected
    @Test("invalid prefixes are rejected with the reason", arguments: [
        ("10.0.0.0", CIDRError.missingPrefix), ("10.0.0/8", .badAddress), ("10.0.0.0.0/8", .badAddress),
        ("256.0.0.0/8", .badAddress), ("01.0.0.0/8", .badAddress), ("10.0.0.0/33", .badPrefixLength(max: 32)),
        ("::/129", .badPrefixLength(max: 128)), ("10.0.0.0/", .badPrefixLength(max: 32)), ("10.0.0.0/+8", .badPrefixLength(max: 32)),
        ("1:2:3:4:5:6:7:8:9/64", .badAddress), ("1::2::3/64", .badAddress), ("fe80::1%eth0/64", .badAddress),
        ("12345::/16", .badAddress), ("g::/16", .badAddress), ("/8", .badAddress), ("1:2:3:4:5:6:7::8:9/64", .badAddress),
    ])
    func invalid(_ text: String, _ error: CIDRError) {
        #expect(CIDR.parse(text) == .failure(error))
    }

    @Test("containment for CIDR-set exceptions")
    func contains() throws {
        let net = try CIDR.parse("10.0.0.0/8").get()
        #expect(net.contains(try CIDR.parse("10.96.0.0/12").get()))
        #expect(!net.contains(try CIDR.parse("11.0.0.0/16").get()))
        #expect(!net.contains(try CIDR.parse("0.0.0.0/0").get()))
        #expect(try CIDR.parse("2001:db8::/32").get().contains(try CIDR.parse("2001:db8:1::/48").get()))
        #expect(try !CIDR.parse("10.0.0.0/8").get().contains(try CIDR.parse("::a00:0/104").get()))
        #expect(try CIDR.parse("10.0.0.0/9").get().contains(try CIDR.parse("10.127.0.0/16").get()))
        #expect(try !CIDR.parse("10.0.0.0/9").get().contains(try CIDR.parse("10.128.0.0/16").get()))
    }
}
