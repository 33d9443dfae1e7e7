/// Timings of an informer's reflector; the defaults are client-go's.
public struct InformerConfiguration: Sendable {
    /// Backoff between failed lists/watches (800 ms doubling to 30 s, jittered, reset after 2 healthy minutes).
    public var backoff: ReflectorBackoff = .standard
    /// Each watch asks the server to end it after a random time in this range (seconds), so
    /// load spreads across API servers and stale connections do not live forever.
    public var watchTimeoutSeconds: ClosedRange<Int> = 300...600
    /// A watch that ends this soon without delivering anything counts as a failure (backs off).
    public var minimumWatchDuration: Duration = .seconds(1)
    public var labelSelector: String?
    public var fieldSelector: String?
    /// Page size of the initial list; nil lists in one request.
    public var pageSize: Int? = 500

    public init() {}
}
