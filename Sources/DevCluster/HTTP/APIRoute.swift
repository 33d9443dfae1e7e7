/// What a request path names: a discovery document, OpenAPI, health, or a resource operation.
enum APIRoute: Equatable {
    case health
    case version
    case coreVersions
    case groups
    case group(String)
    case groupVersion(group: String, version: String)
    case openAPIV3Root
    case openAPIV3(group: String, version: String)
    case resource(ResourcePath)
    case notFound

    /// `/api/v1/namespaces/ns/configmaps/name/status` and `/apis/g/v/...`.
    struct ResourcePath: Equatable {
        var group: String
        var version: String
        var namespace: String?
        var plural: String
        var name: String?
        var subresource: String?
    }

    /// `isNamespaced` tells whether `plural` (in group/version) is namespaced, to tell
    /// `/api/v1/namespaces/x/configmaps` from `/api/v1/namespaces/x/status`.
    init(path: String, isNamespaced: (String, String, String) -> Bool) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch parts.first {
        case nil: self = .notFound
        case "healthz", "livez", "readyz": self = .health
        case "version": self = parts.count == 1 ? .version : .notFound
        case "openapi":
            if parts.count == 2 && parts[1] == "v3" { self = .openAPIV3Root; return }
            if parts.count >= 4 && parts[1] == "v3" {
                if parts[2] == "api" && parts.count == 4 { self = .openAPIV3(group: "", version: parts[3]); return }
                if parts[2] == "apis" && parts.count == 5 { self = .openAPIV3(group: parts[3], version: parts[4]); return }
            }
            self = .notFound
        case "api":
            if parts.count == 1 { self = .coreVersions; return }
            self = Self.resource(group: "", version: parts[1], rest: Array(parts.dropFirst(2)), isNamespaced: isNamespaced)
        case "apis":
            if parts.count == 1 { self = .groups; return }
            if parts.count == 2 { self = .group(parts[1]); return }
            self = Self.resource(group: parts[1], version: parts[2], rest: Array(parts.dropFirst(3)), isNamespaced: isNamespaced)
        default: self = .notFound
        }
    }

    private static func resource(group: String, version: String, rest: [String],
                                 isNamespaced: (String, String, String) -> Bool) -> APIRoute {
        if rest.isEmpty { return .groupVersion(group: group, version: version) }
        var rest = rest
        var namespace: String?
        if rest.count >= 3 && rest[0] == "namespaces" && isNamespaced(group, version, rest[2]) {
            namespace = rest[1]
            rest.removeFirst(2)
        }
        guard rest.count <= 3 else { return .notFound }
        return .resource(ResourcePath(group: group, version: version, namespace: namespace, plural: rest[0],
                                      name: rest.count > 1 ? rest[1] : nil, subresource: rest.count > 2 ? rest[2] : nil))
    }
}
