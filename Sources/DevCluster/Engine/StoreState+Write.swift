import Foundation
import JSON

extension StoreState {
    mutating func create(_ t: ResourceType, namespace: String?, _ body: JSONValue, _ o: WriteOptions) throws(APIError) -> WriteResult {
        guard case .object = body else { throw .badRequest("Object 'Kind' is missing in '\(JSONWriter.string(body))'") }
        var obj = body
        try checkKind(t, obj)
        obj["apiVersion"] = .string(t.apiVersion)
        obj["kind"] = .string(t.kind)
        let ns = try resolveNamespace(t, obj, urlNamespace: namespace)
        if t.namespaced { obj.setMeta("namespace", .string(ns)) } else { obj.setMeta("namespace", nil) }
        var name = obj.metaName
        if name.isEmpty {
            guard let prefix = obj[path: ["metadata", "generateName"]]?.stringValue, !prefix.isEmpty else {
                throw .invalid(kind: t.kind, group: t.group, name: "",
                               causes: [FieldCause(reason: "FieldValueRequired",
                                                   message: "Required value: name or generateName is required",
                                                   field: "metadata.name")])
            }
            name = generateName(prefix, t, ns)
            obj.setMeta("name", .string(name))
        }
        try validateName(t, name)
        if t.namespaced {
            guard let nsObj = current(Self.namespaces, ns) else {
                throw .notFound(resource: Self.namespaces, name: ns)
            }
            if nsObj.metaDeletionTimestamp != nil {
                let msg = "unable to create new content in namespace \(ns) because it is being terminated"
                throw .forbidden(resource: t.groupResource, name: name, detail: msg,
                                 cause: FieldCause(reason: "NamespaceTerminating", message: msg, field: "metadata.namespace"))
            }
        }
        let key = Self.key(t, namespace: ns, name: name)
        if current(t.groupResource, key) != nil { throw .alreadyExists(resource: t.groupResource, name: name) }
        var warnings: [String] = []
        try admit(t, &obj, o.fieldValidation, &warnings)
        try prepareCreate(t, &obj, &warnings)
        obj.setMeta("uid", .string(UUID().uuidString.lowercased()))
        obj.setMeta("creationTimestamp", .string(Timestamp.now()))
        obj.setMeta("deletionTimestamp", nil)
        obj.setMeta("deletionGracePeriodSeconds", nil)
        obj.setMeta("resourceVersion", nil)
        if t.tracksGeneration { obj.setMeta("generation", 1) } else { obj.setMeta("generation", nil) }
        recordManager(&obj, old: nil, o, apiVersion: t.apiVersion)
        if o.dryRun { return WriteResult(object: obj, warnings: warnings, created: true) }
        let stored = commit(.added, t.groupResource, key, obj, previous: nil)
        try afterWrite(t, stored, &warnings)
        return WriteResult(object: stored, warnings: warnings, created: true)
    }

    /// PUT semantics (also the last step of every patch).
    mutating func update(_ t: ResourceType, namespace: String?, name: String, _ body: JSONValue, subresource: String?,
                         _ o: WriteOptions) throws(APIError) -> WriteResult {
        guard case .object = body else { throw .badRequest("Object 'Kind' is missing in '\(JSONWriter.string(body))'") }
        let key = Self.key(t, namespace: namespace, name: name)
        guard let old = current(t.groupResource, key) else { throw .notFound(resource: t.groupResource, name: name) }
        let bodyName = body.metaName
        if !bodyName.isEmpty && bodyName != name {
            throw .badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        try checkKind(t, body)
        if t.namespaced, let ns = namespace, !body.metaNamespace.isEmpty, body.metaNamespace != ns {
            throw .badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        let bodyRV = body.metaResourceVersion
        if !bodyRV.isEmpty && bodyRV != old.metaResourceVersion {
            throw .conflict(resource: t.groupResource, name: name,
                            detail: "the object has been modified; please apply your changes to the latest version and try again")
        }
        var new: JSONValue
        if subresource == "status" {
            // /status changes status only; everything else comes from storage.
            new = old
            new["status"] = body["status"]
        } else {
            new = body
            if t.hasStatus { new["status"] = old["status"] }
        }
        new["apiVersion"] = .string(t.apiVersion)
        new["kind"] = .string(t.kind)
        for k in ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"] {
            new.setMeta(k, old["metadata"]?[k])
        }
        if old.metaDeletionTimestamp != nil {
            let added = new.metaFinalizers.filter { !old.metaFinalizers.contains($0) }
            if !added.isEmpty {
                let list = added.map { "\"\($0)\"" }.joined(separator: ", ")
                throw .invalid(kind: t.kind, group: t.group, name: name, causes: [
                    .forbidden("metadata.finalizers",
                               "no new finalizers can be added if the object is being deleted, found new finalizers []string{\(list)}")])
            }
        }
        var warnings: [String] = []
        try admit(t, &new, o.fieldValidation, &warnings)
        try prepareUpdate(t, &new, old: old, &warnings)
        if t.tracksGeneration && specChanged(t, old, new) {
            new.setMeta("generation", .int((old[path: ["metadata", "generation"]]?.intValue ?? 0) + 1))
        }
        recordManager(&new, old: old, o, apiVersion: t.apiVersion)
        // A write that changes nothing is not a write: no new resourceVersion, no watch event.
        if new.removingMeta(["resourceVersion", "managedFields"]) == old.removingMeta(["resourceVersion", "managedFields"]) {
            return WriteResult(object: outward(t, old), warnings: warnings)
        }
        if o.dryRun { return WriteResult(object: new, warnings: warnings) }
        let stored = commit(.modified, t.groupResource, key, new, previous: old)
        try afterWrite(t, stored, &warnings)
        if stored.metaDeletionTimestamp != nil && stored.metaFinalizers.isEmpty {
            finalizeRemoval(t.groupResource, key)
        }
        return WriteResult(object: outward(t, stored), warnings: warnings)
    }

    mutating func patch(_ t: ResourceType, namespace: String?, name: String, type: PatchType, _ patch: JSONValue,
                        subresource: String?, _ o: WriteOptions) throws(APIError) -> WriteResult {
        let key = Self.key(t, namespace: namespace, name: name)
        guard let old = current(t.groupResource, key) else {
            if type == .apply && subresource == nil {
                var body = patch
                body.setMeta("name", .string(name))
                var opts = o
                opts.applyConfig = patch
                return try create(t, namespace: namespace, body, opts)
            }
            throw .notFound(resource: t.groupResource, name: name)
        }
        var patched: JSONValue
        switch type {
        case .merge: patched = old.mergePatched(with: patch)
        case .json: patched = try JSONPatch.apply(patch, to: old)
        case .strategic:
            guard let keys = t.strategicMergeKeys else {
                throw .unsupportedMediaType(
                    "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
            }
            patched = try StrategicMerge.apply(patch, to: old, keys: keys)
        case .apply:
            patched = ServerSideApply.apply(patch, to: old, manager: o.fieldManager ?? "", keys: t.strategicMergeKeys ?? [:])
            var opts = o
            opts.applyConfig = patch
            patched.setMeta("resourceVersion", old["metadata"]?["resourceVersion"])
            return try update(t, namespace: namespace, name: name, patched, subresource: subresource, opts)
        }
        if type == .strategic || patched.metaResourceVersion.isEmpty {
            patched.setMeta("resourceVersion", old["metadata"]?["resourceVersion"])
        }
        return try update(t, namespace: namespace, name: name, patched, subresource: subresource, o)
    }

    // MARK: - Shared steps

    func checkKind(_ t: ResourceType, _ obj: JSONValue) throws(APIError) {
        if let k = obj["kind"]?.stringValue, !k.isEmpty, k != t.kind {
            throw .badRequest("\(k) in version \"\(t.version)\" cannot be handled as a \(t.kind): the kind in the body (\(k)) does not match the kind of the endpoint (\(t.kind))")
        }
        if let v = obj["apiVersion"]?.stringValue, !v.isEmpty, v != t.apiVersion, !isServedVersion(t, v) {
            throw .badRequest("the API version in the data (\(v)) does not match the expected API version (\(t.apiVersion))")
        }
    }

    private func isServedVersion(_ t: ResourceType, _ apiVersion: String) -> Bool {
        let parts = apiVersion.split(separator: "/").map(String.init)
        let (g, v) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts.first ?? "")
        return g == t.group && types.lookup(group: g, version: v, plural: t.plural) != nil
    }

    func resolveNamespace(_ t: ResourceType, _ obj: JSONValue, urlNamespace: String?) throws(APIError) -> String {
        guard t.namespaced else { return "" }
        let bodyNS = obj.metaNamespace
        if let u = urlNamespace, !bodyNS.isEmpty, bodyNS != u {
            throw .badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        return urlNamespace ?? (bodyNS.isEmpty ? "default" : bodyNS)
    }

    func validateName(_ t: ResourceType, _ name: String) throws(APIError) {
        let label = t.plural == "namespaces" || t.plural == "services"
        let ok = label ? Formats.isDNSLabel(Substring(name)) : Formats.isDNSSubdomain(name)
        guard ok else {
            let detail = label
                ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
                : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
            throw .invalid(kind: t.kind, group: t.group, name: name, causes: [.invalid("metadata.name", .string(name), detail)])
        }
    }

    private mutating func generateName(_ prefix: String, _ t: ResourceType, _ ns: String) -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        while true {
            let suffix = String((0..<5).map { _ in alphabet.randomElement() ?? "x" })
            let name = String(prefix.prefix(58)) + suffix
            if current(t.groupResource, Self.key(t, namespace: ns, name: name)) == nil { return name }
        }
    }

    /// Generation moves when anything but metadata (and status, when it is a subresource) changes.
    func specChanged(_ t: ResourceType, _ old: JSONValue, _ new: JSONValue) -> Bool {
        var a = old, b = new
        a["metadata"] = nil
        b["metadata"] = nil
        if t.hasStatus {
            a["status"] = nil
            b["status"] = nil
        }
        return a != b
    }

    /// Pruning, fieldValidation, defaulting and schema validation for types with a schema.
    func admit(_ t: ResourceType, _ obj: inout JSONValue, _ fv: FieldValidation, _ warnings: inout [String]) throws(APIError) {
        guard let schema = t.schema else { return }
        var unknown: [String] = []
        SchemaPruner.prune(&obj, schema, path: "", isResourceRoot: true, unknown: &unknown)
        if !unknown.isEmpty {
            let texts = unknown.map { "unknown field \"\($0)\"" }
            switch fv {
            case .strict: throw .badRequest("strict decoding error: " + texts.joined(separator: ", "))
            case .warn: warnings.append(contentsOf: texts)
            case .ignore: break
            }
        }
        SchemaDefaulter.apply(&obj, schema)
        var v = SchemaValidator()
        v.validate(obj, schema, "")
        if !v.causes.isEmpty {
            throw .invalid(kind: t.kind, group: t.group, name: obj.metaName, causes: v.causes)
        }
    }

    /// Keeps one managedFields entry per manager and operation, as kube-apiserver's field manager does.
    /// Apply entries own exactly the applied configuration's fields (server-side apply removes by them).
    func recordManager(_ obj: inout JSONValue, old: JSONValue?, _ o: WriteOptions, apiVersion: String) {
        var entries = old?[path: ["metadata", "managedFields"]]?.arrayValue ?? []
        let manager = o.fieldManager ?? "unknown"
        let operation = o.applyConfig == nil ? "Update" : "Apply"
        let fields = o.applyConfig.map(FieldSet.applied) ?? FieldSet.fieldsV1(of: obj.removingMeta(["managedFields", "resourceVersion", "uid",
                                                                                "creationTimestamp", "generation"]))
        entries.removeAll { $0["manager"]?.stringValue == manager && $0["operation"]?.stringValue == operation }
        entries.append(["manager": .string(manager), "operation": .string(operation), "apiVersion": .string(apiVersion),
                        "time": .string(Timestamp.now()), "fieldsType": "FieldsV1", "fieldsV1": fields])
        obj.setMeta("managedFields", .array(entries))
    }

    /// Objects are stored once; a request for another served version sees its own apiVersion.
    func outward(_ t: ResourceType, _ o: JSONValue) -> JSONValue {
        guard o["apiVersion"]?.stringValue != t.apiVersion else { return o }
        var c = o
        c["apiVersion"] = .string(t.apiVersion)
        return c
    }
}

