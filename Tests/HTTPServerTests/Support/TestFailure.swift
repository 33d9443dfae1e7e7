enum TestFailure: Error, CustomStringConvertible {
    case timedOut(String)
    case io(String)
    case unexpected(String)

    var description: String {
        switch self {
        case let .timedOut(what): "timed out: \(what)"
        case let .io(what): "I/O: \(what)"
        case let .unexpected(what): what
        }
    }
}
