/// One API call in RBAC terms.
public struct RecordedRequest: Sendable, Hashable, CustomStringConvertible {
    /// get, list, watch, create, update, patch, delete, deletecollection.
    public var verb: String
    public var group: String
    public var resource: String
    public var subresource: String?

    public init(verb: String, group: String, resource: String, subresource: String? = nil) {
        self.verb = verb
        self.group = group
        self.resource = resource
        self.subresource = subresource
    }

    /// "patch threatmonitor.dev/policyalerts/status".
    public var description: String {
        let r = subresource.map { "\(resource)/\($0)" } ?? resource
        return "\(verb) \(group.isEmpty ? "core" : group)/\(r)"
    }
}
