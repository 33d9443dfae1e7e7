import Foundation
import JSON
import Synchronization

extension KubeClient {
    /// Maps a kind to its resource through discovery, cached and refreshed on a miss.
    public func resource(forKind kind: String, apiVersion: String) async throws(KubeError) -> APIResource {
        if let r = discovery.lookup(kind: kind, apiVersion: apiVersion) { return r }
        let resources = try await discover(apiVersion: apiVersion)
        discovery.store(resources, apiVersion: apiVersion)
        guard let r = resources.first(where: { $0.kind == kind }) else { throw .unknownKind(kind: kind, apiVersion: apiVersion) }
        return r
    }

    /// The resources of one group/version ("v1", "apps/v1").
    public func discover(apiVersion: String) async throws(KubeError) -> [APIResource] {
        let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let gv: (group: String, version: String)
        switch parts.count {
        case 1 where !parts[0].isEmpty: gv = ("", parts[0])
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty: gv = (parts[0], parts[1])
        default: throw .configuration("apiVersion \"\(apiVersion)\" is not VERSION or GROUP/VERSION")
        }
        let path = gv.group.isEmpty ? "/api/\(gv.version)" : "/apis/\(gv.group)/\(gv.version)"
        let list: JSONValue
        do { list = try await getRaw(path) } catch {
            if error.isNotFound { return [] }
            throw error
        }
        let raw = list["resources"]?.arrayValue ?? []
        var subresources: [String: [String]] = [:]
        for item in raw {
            guard let name = item["name"]?.stringValue, let slash = name.firstIndex(of: "/") else { continue }
            subresources[String(name[..<slash]), default: []].append(String(name[name.index(after: slash)...]))
        }
        return raw.compactMap { item -> APIResource? in
            guard let name = item["name"]?.stringValue, !name.contains("/"), let kind = item["kind"]?.stringValue else { return nil }
            func strings(_ k: String) -> [String] { item[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
            return APIResource(gvr: GroupVersionResource(group: gv.group, version: gv.version, resource: name), kind: kind,
                               namespaced: item["namespaced"]?.boolValue ?? false, verbs: strings("verbs"),
                               shortNames: strings("shortNames"), subresources: subresources[name] ?? [],
                               singularName: item["singularName"]?.stringValue ?? "", categories: strings("categories"))
        }
    }
}
