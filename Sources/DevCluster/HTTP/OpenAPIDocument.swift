import Foundation
import JSON

/// OpenAPI v3 documents per group-version: component schemas tagged with
/// x-kubernetes-group-version-kind (what `kubectl explain` reads) and paths whose write operations
/// declare the fieldValidation parameter (how kubectl learns it may ask for server-side validation).
enum OpenAPIDocument {
    static let objectMetaRef = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"

    static func root(_ types: [ResourceType]) -> JSONValue {
        var paths = JSONObject()
        var seen = Set<String>()
        for t in types where seen.insert(t.groupVersion).inserted {
            let p = t.group.isEmpty ? "api/\(t.version)" : "apis/\(t.group)/\(t.version)"
            let hash = fingerprint(types.filter { $0.groupVersion == t.groupVersion })
            paths[p] = ["serverRelativeURL": .string("/openapi/v3/\(p)?hash=\(hash)")]
        }
        return ["paths": .object(paths)]
    }

    /// Changes whenever a served schema changes, so kubectl's cache notices new CRD versions.
    private static func fingerprint(_ types: [ResourceType]) -> String {
        var h = Hasher()
        for t in types {
            h.combine(t.plural)
            h.combine(t.openAPISchema)
        }
        return String(UInt64(bitPattern: Int64(h.finalize())), radix: 16).uppercased()
    }

    static func schemaName(_ t: ResourceType) -> String {
        if t.group.isEmpty { return "io.k8s.api.core.v1.\(t.kind)" }
        let reversed = t.group.split(separator: ".").reversed().joined(separator: ".")
        return "\(reversed).\(t.version).\(t.kind)"
    }

    static func document(group: String, version: String, _ all: [ResourceType]) -> JSONValue? {
        let types = all.filter { $0.group == group && $0.version == version }
        guard !types.isEmpty else { return nil }
        var schemas = JSONObject()
        var paths = JSONObject()
        for t in types {
            let gvk: JSONValue = [["group": .string(t.group), "kind": .string(t.kind), "version": .string(t.version)]]
            var s = t.openAPISchema ?? [
                "type": "object",
                "description": .string("\(t.kind) is a built-in resource served by DevCluster; its fields are not described here."),
                "x-kubernetes-preserve-unknown-fields": true,
            ]
            var props = s["properties"]?.objectValue ?? JSONObject()
            props["apiVersion"] = ["type": "string", "description": "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources"]
            props["kind"] = ["type": "string", "description": "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"]
            props["metadata"] = ["allOf": [["$ref": .string("#/components/schemas/\(objectMetaRef)")]],
                                 "description": "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"]
            s["properties"] = .object(props)
            s["x-kubernetes-group-version-kind"] = gvk
            schemas[schemaName(t)] = s
            let ref: JSONValue = ["$ref": .string("#/components/schemas/\(schemaName(t))")]
            let base = (group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)")
                + (t.namespaced ? "/namespaces/{namespace}/" : "/") + t.plural
            paths[base] = ["get": operation(t, "list", ref), "post": operation(t, "post", ref)]
            paths[base + "/{name}"] = ["get": operation(t, "get", ref), "put": operation(t, "put", ref),
                                       "patch": operation(t, "patch", ref), "delete": operation(t, "delete", ref)]
            if t.hasStatus {
                paths[base + "/{name}/status"] = ["get": operation(t, "get", ref), "put": operation(t, "put", ref),
                                                  "patch": operation(t, "patch", ref)]
            }
        }
        schemas[objectMetaRef] = objectMeta
        return ["openapi": "3.0.0", "info": ["title": "Kubernetes", "version": "v1.33.0"],
                "paths": .object(paths), "components": ["schemas": .object(schemas)]]
    }

    private static func operation(_ t: ResourceType, _ action: String, _ ref: JSONValue) -> JSONValue {
        var params: [JSONValue] = [["name": "dryRun", "in": "query", "schema": ["type": "string", "uniqueItems": true]]]
        if action == "post" || action == "put" || action == "patch" {
            params.append(["name": "fieldManager", "in": "query", "schema": ["type": "string", "uniqueItems": true]])
            params.append(["name": "fieldValidation", "in": "query",
                           "description": "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict",
                           "schema": ["type": "string", "uniqueItems": true]])
        }
        return ["operationId": .string("\(action)\(t.kind)"), "parameters": .array(params),
                "responses": ["200": ["description": "OK", "content": ["application/json": ["schema": ref]]]],
                "x-kubernetes-action": .string(action),
                "x-kubernetes-group-version-kind": ["group": .string(t.group), "kind": .string(t.kind), "version": .string(t.version)]]
    }

    static let objectMeta: JSONValue = [
        "type": "object",
        "description": "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
        "properties": [
            "name": ["type": "string", "description": "Name must be unique within a namespace."],
            "namespace": ["type": "string", "description": "Namespace defines the space within which each name must be unique."],
            "generateName": ["type": "string", "description": "GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided."],
            "labels": ["type": "object", "additionalProperties": ["type": "string"], "description": "Map of string keys and values that can be used to organize and categorize (scope and select) objects."],
            "annotations": ["type": "object", "additionalProperties": ["type": "string"], "description": "Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata."],
            "uid": ["type": "string", "description": "UID is the unique in time and space value for this object."],
            "resourceVersion": ["type": "string", "description": "An opaque value that represents the internal version of this object."],
            "generation": ["type": "integer", "format": "int64", "description": "A sequence number representing a specific generation of the desired state."],
            "creationTimestamp": ["type": "string", "format": "date-time", "description": "CreationTimestamp is a timestamp representing the server time when this object was created."],
            "deletionTimestamp": ["type": "string", "format": "date-time", "description": "DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted."],
            "finalizers": ["type": "array", "items": ["type": "string"], "description": "Must be empty before the object is deleted from the registry."],
            "ownerReferences": ["type": "array", "items": ["type": "object"], "description": "List of objects depended by this object."],
        ],
    ]
}
