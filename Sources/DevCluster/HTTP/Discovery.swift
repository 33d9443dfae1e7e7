import JSON

/// The legacy discovery documents (/api, /apis, /apis/G, /api/v1, /apis/G/V). Aggregated
/// discovery is not served: kubectl sees a plain application/json answer and falls back to these.
enum Discovery {
    static func coreVersions(serverAddress: String) -> JSONValue {
        ["kind": "APIVersions", "versions": ["v1"],
         "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]]]
    }

    /// Groups in first-registered order; each group's versions with the first as preferred.
    static func groupVersions(_ types: [ResourceType]) -> [(group: String, versions: [String])] {
        var out: [(group: String, versions: [String])] = []
        for t in types where !t.group.isEmpty {
            if let i = out.firstIndex(where: { $0.group == t.group }) {
                if !out[i].versions.contains(t.version) { out[i].versions.append(t.version) }
            } else {
                out.append((t.group, [t.version]))
            }
        }
        return out
    }

    static func groupJSON(_ g: String, _ versions: [String]) -> JSONValue {
        let vs: [JSONValue] = versions.map { ["groupVersion": .string("\(g)/\($0)"), "version": .string($0)] }
        return ["kind": "APIGroup", "apiVersion": "v1", "name": .string(g), "versions": .array(vs), "preferredVersion": vs[0]]
    }

    static func groupList(_ types: [ResourceType]) -> JSONValue {
        var groups: [JSONValue] = []
        for (g, vs) in groupVersions(types) {
            var j = groupJSON(g, vs)
            j["kind"] = nil
            j["apiVersion"] = nil
            groups.append(j)
        }
        return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups)]
    }

    static func group(_ name: String, _ types: [ResourceType]) -> JSONValue? {
        groupVersions(types).first { $0.group == name }.map { groupJSON($0.group, $0.versions) }
    }

    static func resourceList(group: String, version: String, _ types: [ResourceType]) -> JSONValue? {
        let matching = types.filter { $0.group == group && $0.version == version }
        guard !matching.isEmpty else { return nil }
        var resources: [JSONValue] = []
        for t in matching {
            var r: JSONValue = ["name": .string(t.plural), "singularName": .string(t.singular),
                                "namespaced": .bool(t.namespaced), "kind": .string(t.kind),
                                "verbs": .array(t.verbs.map { .string($0) })]
            if !t.shortNames.isEmpty { r["shortNames"] = .array(t.shortNames.map { .string($0) }) }
            if !t.categories.isEmpty { r["categories"] = .array(t.categories.map { .string($0) }) }
            resources.append(r)
            if t.hasStatus {
                resources.append(["name": .string(t.plural + "/status"), "singularName": "", "namespaced": .bool(t.namespaced),
                                  "kind": .string(t.kind), "verbs": ["get", "patch", "update"]])
            }
        }
        let gv = group.isEmpty ? version : "\(group)/\(version)"
        return ["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(gv), "resources": .array(resources)]
    }
}
