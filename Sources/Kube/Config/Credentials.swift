/// How the client authenticates, besides a client certificate.
public enum Credentials: Sendable, Hashable {
    case none
    case bearerToken(String)
    /// A token read from a file and re-read when the file changes (projected service-account tokens rotate).
    case tokenFile(path: String)
    case basic(username: String, password: String)
    case exec(ExecConfig)
}
