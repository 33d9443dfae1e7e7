import JSON

/// One served resource at one group/version: what discovery lists and what the store enforces.
struct ResourceType: Sendable {
    var group: String
    var version: String
    var kind: String
    var plural: String
    var singular: String
    var namespaced: Bool
    var shortNames: [String] = []
    var categories: [String] = []
    var verbs: [String] = ResourceType.allVerbs
    var hasStatus = false
    var isCustom = false
    /// Bumps metadata.generation on changes outside metadata (and status, when it is a subresource).
    var tracksGeneration = false
    /// kube-apiserver returns the object on DELETE for some types and a Success Status for others.
    var deleteReturnsObject = false
    var schema: StructuralSchema?
    /// The schema as written, for OpenAPI and `kubectl explain`.
    var openAPISchema: JSONValue?
    var printerColumns: [PrinterColumn] = []
    /// Extra fields usable in fieldSelector, besides metadata.name/namespace ("spec.color").
    var selectableFields: [String] = []
    /// Strategic merge patch list keys, by field name; nil means SMP is not accepted (custom resources).
    var strategicMergeKeys: [String: String]?

    static let allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    var groupResource: GroupResource { GroupResource(group: group, resource: plural) }
    var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    var groupVersion: String { apiVersion }
    var listKind: String { kind + "List" }

    var supportedFieldSelectors: Set<String> {
        var s: Set<String> = ["metadata.name", "metadata.namespace"]
        s.formUnion(selectableFields)
        return s
    }

    /// The value of a selectable field ("spec.color") in `object`, as a string ("" when absent).
    func fieldValue(_ field: String, in object: JSONValue) -> String {
        let v = object[path: field.split(separator: ".").map(String.init)]
        switch v {
        case .string(let s)?: return s
        case .bool(let b)?: return b ? "true" : "false"
        case .int(let i)?: return String(i)
        default: return ""
        }
    }
}

/// One additionalPrinterColumn (or a built-in's table column).
struct PrinterColumn: Sendable {
    var name: String
    var type: String
    var format: String = ""
    var description: String = ""
    var priority: Int = 0
    /// ".spec.replicas"; empty for the creation-time Age column of built-ins.
    var jsonPath: String
}
