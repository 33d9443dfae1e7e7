/// Why a CIDR did not parse; `message` is the user-facing explanation.
enum CIDRError: Error, Equatable {
    case missingPrefix
    case badAddress
    case badPrefixLength(max: Int)

    func message(_ text: String) -> String {
        switch self {
        case .missingPrefix:
            return "\"\(text)\" is not a CIDR; add a prefix length, e.g. \"\(text)/32\" for one IPv4 address or \"/128\" for IPv6"
        case .badAddress:
            return "\"\(text)\" is not a CIDR: the address is not a valid IPv4 or IPv6 address; write e.g. 10.0.0.0/8 or 2001:db8::/32"
        case .badPrefixLength(let max):
            return "\"\(text)\" is not a CIDR: the prefix length must be a number from 0 to \(max)"
        }
    }
}
