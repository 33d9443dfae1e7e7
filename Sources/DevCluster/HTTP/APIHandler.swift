import Foundation
import HTTPServer
import JSON

/// The HTTP face of the store: routing, authentication, content negotiation, fault injection and
/// request counting. Everything with semantics lives in `Store`.
struct APIHandler: Sendable {
    let store: Store
    let faults: FaultInjector
    let counters: RequestCounters
    let token: String
    /// Watches without timeoutSeconds end after this, like kube-apiserver's --min-request-timeout.
    var defaultWatchTimeout: Duration = .seconds(1800)

    func handle(_ req: HTTPRequest) async -> HTTPResponse {
        let route = APIRoute(path: req.path) { g, v, p in
            store.lookup(group: g, version: v, plural: p)?.namespaced ?? false
        }
        switch route {
        case .health: return Responses.text("ok")
        case .version: return Responses.json(Self.versionInfo)
        default: break
        }
        guard authenticated(req) else { return Responses.error(.unauthorized) }
        switch route {
        case .coreVersions:
            return Responses.json(Discovery.coreVersions(serverAddress: req.headers["Host"] ?? "127.0.0.1"))
        case .groups: return Responses.json(Discovery.groupList(store.types))
        case .group(let g):
            return Discovery.group(g, store.types).map { Responses.json($0) } ?? Responses.error(.pathNotFound)
        case .groupVersion(let g, let v):
            return Discovery.resourceList(group: g, version: v, store.types).map { Responses.json($0) }
                ?? Responses.error(.pathNotFound)
        case .openAPIV3Root: return Responses.json(OpenAPIDocument.root(store.types))
        case .openAPIV3(let g, let v):
            return OpenAPIDocument.document(group: g, version: v, store.types).map { Responses.json($0) }
                ?? Responses.error(.pathNotFound)
        case .resource(let path):
            return await resource(req, path)
        case .notFound, .health, .version:
            return Responses.error(.pathNotFound)
        }
    }

    private func authenticated(_ req: HTTPRequest) -> Bool {
        if req.clientCertificate != nil { return true }
        guard let auth = req.headers["Authorization"], auth.hasPrefix("Bearer ") else { return false }
        return auth.dropFirst(7) == token
    }

    static let versionInfo: JSONValue = [
        "major": "1", "minor": "33", "gitVersion": "v1.33.0-devcluster", "gitCommit": "devcluster",
        "gitTreeState": "clean", "buildDate": "2025-04-23T00:00:00Z", "goVersion": "go1.24.2", "compiler": "gc",
        "platform": "linux/amd64",
    ]

    // MARK: - Resources

    private func resource(_ req: HTTPRequest, _ p: APIRoute.ResourcePath) async -> HTTPResponse {
        guard let t = store.lookup(group: p.group, version: p.version, plural: p.plural),
              p.subresource == nil || (p.subresource == "status" && t.hasStatus),
              t.namespaced || p.namespace == nil
        else {
            return Responses.error(.pathNotFound)
        }
        let verb = Self.verb(req, p)
        counters.record(verb: verb, resource: p.subresource.map { "\(p.plural)/\($0)" } ?? p.plural)
        let latency = faults.current.latency
        if latency > .zero { try? await Task.sleep(for: latency) }
        if let code = faults.drawFailure() { return Responses.error(Self.injected(code)) }
        do throws(APIError) {
            return try perform(verb, req, p, t)
        } catch {
            return Responses.error(error)
        }
    }

    static func verb(_ req: HTTPRequest, _ p: APIRoute.ResourcePath) -> String {
        switch req.method {
        case "GET", "HEAD": p.name == nil ? (req.bool("watch") ? "watch" : "list") : "get"
        case "POST": "create"
        case "PUT": "update"
        case "PATCH": "patch"
        case "DELETE": p.name == nil ? "deletecollection" : "delete"
        default: req.method.lowercased()
        }
    }

    private static func injected(_ code: Int) -> APIError {
        switch code {
        case 429: .tooManyRequests
        case 503: .serviceUnavailable("the server is currently unable to handle the request (injected fault)")
        default: .internalError("Internal error occurred: injected fault")
        }
    }

    private func perform(_ verb: String, _ req: HTTPRequest, _ p: APIRoute.ResourcePath, _ t: ResourceType) throws(APIError) -> HTTPResponse {
        let ns = t.namespaced ? p.namespace : nil
        switch verb {
        case "get":
            let obj = try store.get(t, namespace: ns, name: p.name ?? "")
            if req.wantsTable {
                return Responses.json(TableConverter.table(t, items: [obj], resourceVersion: nil, continueToken: nil,
                                                           remaining: nil, include: includeObject(req)))
            }
            return Responses.json(obj)
        case "list":
            let r = try store.list(t, namespace: ns, try req.listOptions(t))
            if req.wantsTable {
                return Responses.json(TableConverter.table(t, items: r.items, resourceVersion: r.resourceVersion,
                                                           continueToken: r.continueToken, remaining: r.remainingItemCount,
                                                           include: includeObject(req)))
            }
            return Responses.json(listJSON(t, r))
        case "watch":
            return try watch(req, t, ns)
        case "create":
            guard p.name == nil, p.subresource == nil else { throw .methodNotAllowed("the server does not allow this method on the requested resource") }
            let r = try store.create(t, namespace: ns, try Self.body(req), try req.writeOptions(defaultManager: req.defaultFieldManager))
            return Responses.json(r.object, status: 201, warnings: r.warnings)
        case "update":
            let r = try store.update(t, namespace: ns, name: p.name ?? "", try Self.body(req), subresource: p.subresource,
                                     try req.writeOptions(defaultManager: req.defaultFieldManager))
            return Responses.json(r.object, status: r.created ? 201 : 200, warnings: r.warnings)
        case "patch":
            guard let type = PatchType(rawValue: req.contentType) else {
                throw .unsupportedMediaType("the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml" + (t.strategicMergeKeys != nil ? ", application/strategic-merge-patch+json" : ""))
            }
            var o = try req.writeOptions(defaultManager: req.defaultFieldManager)
            if type == .apply {
                guard let m = req.queryValue("fieldManager"), !m.isEmpty else {
                    throw .badRequest("PATCH, application/apply-patch+yaml requests must specify a fieldManager")
                }
                o.fieldManager = m
            }
            let r = try store.patch(t, namespace: ns, name: p.name ?? "", type: type, try Self.body(req),
                                    subresource: p.subresource, o)
            return Responses.json(r.object, status: r.created ? 201 : 200, warnings: r.warnings)
        case "delete":
            switch try store.delete(t, namespace: ns, name: p.name ?? "", try req.deleteOptions()) {
            case .pending(let obj): return Responses.json(obj)
            case .deleted(let obj):
                if t.deleteReturnsObject { return Responses.json(obj) }
                var details: JSONValue = ["name": .string(obj.metaName), "kind": .string(t.plural), "uid": .string(obj.metaUID)]
                if !t.group.isEmpty { details["group"] = .string(t.group) }
                return Responses.json(["kind": "Status", "apiVersion": "v1", "metadata": [:], "status": "Success",
                                       "details": details])
            }
        case "deletecollection":
            let r = try store.deleteCollection(t, namespace: ns, try req.listOptions(t), try req.deleteOptions())
            return Responses.json(listJSON(t, r))
        default:
            throw .methodNotAllowed("the server does not allow this method on the requested resource")
        }
    }

    private func includeObject(_ req: HTTPRequest) -> TableConverter.IncludeObject {
        req.queryValue("includeObject").flatMap(TableConverter.IncludeObject.init(rawValue:)) ?? .metadata
    }

    private func listJSON(_ t: ResourceType, _ r: ListResult) -> JSONValue {
        var meta: JSONValue = ["resourceVersion": .string(String(r.resourceVersion))]
        if let c = r.continueToken { meta["continue"] = .string(c) }
        if let n = r.remainingItemCount { meta["remainingItemCount"] = .int(Int64(n)) }
        return ["kind": .string(t.listKind), "apiVersion": .string(t.apiVersion), "metadata": meta, "items": .array(r.items)]
    }

    /// Request bodies: JSON, or YAML for apply patches and YAML content types.
    static func body(_ req: HTTPRequest) throws(APIError) -> JSONValue {
        if req.contentType == "application/vnd.kubernetes.protobuf" { return try ProtobufDecoding.decode(req.body) }
        if req.contentType.contains("protobuf") || req.contentType.contains("cbor") {
            throw .unsupportedMediaType("the body of the request was in an unknown format - accepted media types include: application/json, application/yaml")
        }
        do {
            return try JSONParser.parse(req.body)
        } catch {
            if let y = BodyDecoding.yaml(req.body) { return y }
            throw .badRequest("the body of the request could not be decoded: \(error)")
        }
    }

    // MARK: - Watch

    private func watch(_ req: HTTPRequest, _ t: ResourceType, _ ns: String?) throws(APIError) -> HTTPResponse {
        let sub = try store.watch(t, namespace: ns, try req.watchOptions(t))
        // Clamped: a huge timeoutSeconds would trap in Duration arithmetic.
        let timeout: Duration = req.queryValue("timeoutSeconds").flatMap { Int($0) }
            .flatMap { $0 > 0 ? .seconds(min($0, 7 * 86_400)) : nil } ?? defaultWatchTimeout
        let store = self.store
        // kubectl get -w asks for Table rows in watch events too.
        let tableType: ResourceType? = req.wantsTable ? t : nil
        let include = includeObject(req)
        let body: HTTPResponse.Body = .stream { writer in
            defer { store.cancelWatch(sub.id) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await e in sub.events {
                        var event = e
                        if let tt = tableType, e.type != .error, e.type != .bookmark {
                            event.object = TableConverter.table(tt, items: [e.object], resourceVersion: nil, continueToken: nil,
                                                                remaining: nil, include: include)
                        }
                        var line = JSONWriter.data(event.json)
                        line.append(0x0A)
                        try await writer.write(line)
                    }
                }
                group.addTask { try await Task.sleep(for: timeout) }
                _ = try await group.next()
                group.cancelAll()
            }
        }
        var r = HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: body)
        r.headers.add("Cache-Control", "no-cache, private")
        return r
    }
}
