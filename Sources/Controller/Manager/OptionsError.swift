/// A command line the manager cannot run with; messages name the flag and the fix.
public enum OptionsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownFlag(String)
    case missingValue(flag: String)
    case invalidValue(flag: String, value: String, reason: String)
    case unexpectedArgument(String)

    public var description: String {
        switch self {
        case .unknownFlag(let f):
            return "unknown flag \(f); known flags: \(ManagerOptions.knownFlags.joined(separator: ", "))"
        case .missingValue(let f): return "flag \(f) needs a value (\(f)=VALUE or \(f) VALUE)"
        case .invalidValue(let f, let v, let r): return "\(f.isEmpty ? "" : "flag \(f): ")invalid value \"\(v)\": \(r)"
        case .unexpectedArgument(let a): return "unexpected argument \"\(a)\"; flags start with --"
        }
    }
}
