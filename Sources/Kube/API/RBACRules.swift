import JSON

/// The rules of a Role or ClusterRole, to check recorded calls against.
public struct RBACRules: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public var apiGroups: [String]
        /// "configmaps", "policyalerts/status", or "*".
        public var resources: [String]
        public var verbs: [String]
        public var resourceNames: [String]

        public init(apiGroups: [String], resources: [String], verbs: [String], resourceNames: [String] = []) {
            self.apiGroups = apiGroups
            self.resources = resources
            self.verbs = verbs
            self.resourceNames = resourceNames
        }
    }

    public var rules: [Rule]

    public init(rules: [Rule]) { self.rules = rules }

    /// Reads `rules` of a Role or ClusterRole object (nonResourceURLs rules are ignored).
    public init(role: JSONValue) throws(KubeError) {
        guard let list = role["rules"]?.arrayValue else {
            throw .decoding("\(role["kind"]?.stringValue ?? "role"): rules must be a list")
        }
        var rules: [Rule] = []
        for (i, r) in list.enumerated() {
            func strings(_ key: String) throws(KubeError) -> [String] {
                guard let v = r[key], !v.isNull else { return [] }
                guard let a = v.arrayValue else { throw .decoding("rules[\(i)].\(key): expected a list of strings") }
                var out: [String] = []
                for (j, s) in a.enumerated() {
                    guard let s = s.stringValue else { throw .decoding("rules[\(i)].\(key)[\(j)]: expected a string, got \(s.typeName)") }
                    out.append(s)
                }
                return out
            }
            let resources = try strings("resources")
            if resources.isEmpty { continue }
            rules.append(Rule(apiGroups: try strings("apiGroups"), resources: resources, verbs: try strings("verbs"),
                              resourceNames: try strings("resourceNames")))
        }
        self.rules = rules
    }

    /// Whether some rule grants the call on every object (rules limited to resourceNames do
    /// not count: the recorder does not know which names were used).
    public func allows(_ call: RecordedRequest) -> Bool {
        let resource = call.subresource.map { "\(call.resource)/\($0)" } ?? call.resource
        return rules.contains { rule in
            rule.resourceNames.isEmpty
                && (rule.apiGroups.contains("*") || rule.apiGroups.contains(call.group))
                && (rule.verbs.contains("*") || rule.verbs.contains(call.verb))
                && (rule.resources.contains("*") || rule.resources.contains(resource)
                    || (call.subresource != nil && rule.resources.contains("\(call.resource)/*"))
                    || (call.subresource == nil && rule.resources.contains("*/\(call.resource)")))
        }
    }

    /// The calls no rule grants, sorted for stable messages.
    public func missing(_ calls: Set<RecordedRequest>) -> [RecordedRequest] {
        calls.filter { !allows($0) }.sorted { $0.description < $1.description }
    }
}
