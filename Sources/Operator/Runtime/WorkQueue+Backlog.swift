import Controller

extension WorkQueue {
    /// Keys waiting or being processed now (delayed retries excluded: they may wait long).
    var backlog: Int { depth + inFlight }
}
