/// Why a certificate could not be generated or issued.
public enum CertificateError: Error, Sendable, Equatable, CustomStringConvertible {
    case keyGenerationFailed(String)
    case signingFailed(String)
    /// The CA's own PEM could not be read back (it was built elsewhere or altered).
    case invalidAuthority(String)
    case invalidDNSName(String)
    case invalidIPAddress(String)

    public var description: String {
        switch self {
        case let .keyGenerationFailed(detail): "cannot generate a key: \(detail)"
        case let .signingFailed(detail): "cannot build or sign the certificate: \(detail)"
        case let .invalidAuthority(detail): "the certificate authority is unusable: \(detail)"
        case let .invalidDNSName(name): "\"\(name)\" is not a valid DNS name for a certificate; use letters, digits, '-', '.' and a leading '*.'"
        case let .invalidIPAddress(address): "\"\(address)\" is not an IPv4 or IPv6 address"
        }
    }
}
