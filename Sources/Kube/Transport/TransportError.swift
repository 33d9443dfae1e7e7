/// A failed exchange, and whether sending it again may help (connection-level failures).
struct TransportError: Error, Sendable {
    var error: KubeError
    var retryable: Bool
}
