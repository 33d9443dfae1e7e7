import JSON

/// Turns a CustomResourceDefinition into the resource types it serves (schemas compiled once, here).
enum CRDCompiler {
    static func resourceTypes(from crd: JSONValue) throws(APIError) -> [ResourceType] {
        let spec = crd["spec"] ?? [:]
        let group = spec["group"]?.stringValue ?? ""
        let names = spec["names"] ?? [:]
        let kind = names["kind"]?.stringValue ?? ""
        let plural = names["plural"]?.stringValue ?? ""
        var out: [ResourceType] = []
        let versions = spec["versions"]?.arrayValue ?? []
        // The storage version first: the registry stores objects at the first version it sees.
        let ordered = versions.filter { $0["storage"]?.boolValue == true } + versions.filter { $0["storage"]?.boolValue != true }
        for v in ordered where v["served"]?.boolValue != false {
            let name = v["name"]?.stringValue ?? ""
            let idx = versions.firstIndex(of: v) ?? 0
            let rawSchema = v[path: ["schema", "openAPIV3Schema"]]
            let schema = try rawSchema.map { s throws(APIError) in
                try StructuralSchema(s, path: "spec.versions[\(idx)].schema.openAPIV3Schema")
            }
            var columns: [PrinterColumn] = (v["additionalPrinterColumns"]?.arrayValue ?? []).map { c in
                PrinterColumn(name: c["name"]?.stringValue ?? "", type: c["type"]?.stringValue ?? "string",
                              format: c["format"]?.stringValue ?? "", description: c["description"]?.stringValue ?? "",
                              priority: Int(c["priority"]?.intValue ?? 0), jsonPath: c["jsonPath"]?.stringValue ?? "")
            }
            if columns.isEmpty { columns = [BuiltinTypes.age] }
            let selectable = (v["selectableFields"]?.arrayValue ?? []).compactMap { f -> String? in
                guard let p = f["jsonPath"]?.stringValue else { return nil }
                return p.hasPrefix(".") ? String(p.dropFirst()) : p
            }
            out.append(ResourceType(
                group: group, version: name, kind: kind, plural: plural,
                singular: names["singular"]?.stringValue ?? kind.lowercased(),
                namespaced: spec["scope"]?.stringValue != "Cluster",
                shortNames: names["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                categories: names["categories"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                hasStatus: v[path: ["subresources", "status"]] != nil, isCustom: true, tracksGeneration: true,
                deleteReturnsObject: true, schema: schema, openAPISchema: rawSchema, printerColumns: columns,
                selectableFields: selectable, strategicMergeKeys: nil))
        }
        return out
    }
}

extension StoreState {
    /// CRD validation (the parts clients trip over) plus defaulting and an Established status.
    mutating func prepareCRD(_ obj: inout JSONValue, _ warnings: inout [String]) throws(APIError) {
        let spec = obj["spec"] ?? [:]
        let name = obj.metaName
        var causes: [FieldCause] = []
        let group = spec["group"]?.stringValue ?? ""
        let plural = spec[path: ["names", "plural"]]?.stringValue ?? ""
        let kind = spec[path: ["names", "kind"]]?.stringValue ?? ""
        if group.isEmpty { causes.append(.required("spec.group")) }
        if plural.isEmpty { causes.append(.required("spec.names.plural")) }
        if kind.isEmpty { causes.append(.required("spec.names.kind")) }
        if !group.isEmpty && !plural.isEmpty && name != "\(plural).\(group)" {
            causes.append(.invalid("metadata.name", .string(name), "must be spec.names.plural+\".\"+spec.group"))
        }
        let scope = spec["scope"]?.stringValue ?? ""
        if scope != "Namespaced" && scope != "Cluster" {
            causes.append(FieldCause(reason: "FieldValueNotSupported",
                message: "Unsupported value: \(APIError.render(.string(scope))): supported values: \"Cluster\", \"Namespaced\"",
                field: "spec.scope"))
        }
        let versions = spec["versions"]?.arrayValue ?? []
        if versions.isEmpty { causes.append(.required("spec.versions")) }
        if versions.filter({ $0["storage"]?.boolValue == true }).count != 1 && !versions.isEmpty {
            causes.append(.invalid("spec.versions", .array(versions), "must have exactly one version marked as storage version"))
        }
        var anyCEL = false
        for (i, v) in versions.enumerated() {
            guard let s = v[path: ["schema", "openAPIV3Schema"]] else {
                causes.append(FieldCause(reason: "FieldValueRequired", message: "Required value: schemas are required",
                                         field: "spec.versions[\(i)].schema.openAPIV3Schema"))
                continue
            }
            if s["type"]?.stringValue != "object" {
                causes.append(FieldCause(reason: "FieldValueRequired", message: "Required value: must not be empty at the root",
                                         field: "spec.versions[\(i)].schema.openAPIV3Schema.type"))
            }
            do throws(APIError) {
                let compiled = try StructuralSchema(s, path: "spec.versions[\(i)].schema.openAPIV3Schema")
                anyCEL = anyCEL || compiled.hasCELRules
            } catch {
                causes.append(FieldCause(reason: "FieldValueInvalid", message: error.message, field: "spec.versions[\(i)].schema"))
            }
        }
        if !causes.isEmpty {
            throw .invalid(kind: "CustomResourceDefinition", group: "apiextensions.k8s.io", name: name, causes: causes)
        }
        if anyCEL {
            warnings.append("DevCluster does not evaluate x-kubernetes-validations (CEL) rules of \(name); only the OpenAPI schema is enforced")
        }
        var names = spec["names"] ?? [:]
        if names["singular"] == nil { names["singular"] = .string(kind.lowercased()) }
        if names["listKind"] == nil { names["listKind"] = .string(kind + "List") }
        obj[path: ["spec", "names"]] = names
        let now = Timestamp.now()
        let storage = versions.first { $0["storage"]?.boolValue == true }?["name"] ?? .null
        obj["status"] = [
            "conditions": [
                ["type": "NamesAccepted", "status": "True", "lastTransitionTime": .string(now),
                 "reason": "NoConflicts", "message": "no conflicts found"],
                ["type": "Established", "status": "True", "lastTransitionTime": .string(now),
                 "reason": "InitialNamesAccepted", "message": "the initial names have been accepted"],
            ],
            "acceptedNames": names,
            "storedVersions": [storage],
        ]
    }
}
