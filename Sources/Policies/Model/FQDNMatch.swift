/// A domain name peer: exact (`matchName`) or with `*` wildcards (`matchPattern`).
public enum FQDNMatch: Sendable, Equatable {
    case name(String)
    case pattern(String)
}
