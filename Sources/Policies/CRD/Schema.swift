import JSON

/// A small builder for OpenAPI v3 schemas in CRDs, so the CRD YAML is
/// generated from one Swift description instead of being hand-synced.
enum Schema {
    static func object(_ description: String, _ properties: [(String, JSONValue)], required: [String] = [],
                       rules: [JSONValue] = []) -> JSONValue {
        var o: JSONObject = ["type": "object", "description": .string(description)]
        if !properties.isEmpty { o["properties"] = .object(JSONObject(properties)) }
        if !required.isEmpty { o["required"] = .array(required.map(JSONValue.string)) }
        if !rules.isEmpty { o["x-kubernetes-validations"] = .array(rules) }
        return .object(o)
    }

    static func string(_ description: String, enum values: [String] = [], pattern: String? = nil,
                       maxLength: Int? = nil, format: String? = nil) -> JSONValue {
        var o: JSONObject = ["type": "string", "description": .string(description)]
        if !values.isEmpty { o["enum"] = .array(values.map(JSONValue.string)) }
        if let pattern { o["pattern"] = .string(pattern) }
        if let maxLength { o["maxLength"] = .int(Int64(maxLength)) }
        if let format { o["format"] = .string(format) }
        return .object(o)
    }

    static func boolean(_ description: String, default value: Bool? = nil) -> JSONValue {
        var o: JSONObject = ["type": "boolean", "description": .string(description)]
        if let value { o["default"] = .bool(value) }
        return .object(o)
    }

    static func integer(_ description: String, minimum: Int64? = nil, maximum: Int64? = nil,
                        format: String = "int64") -> JSONValue {
        var o: JSONObject = ["type": "integer", "description": .string(description), "format": .string(format)]
        if let minimum { o["minimum"] = .int(minimum) }
        if let maximum { o["maximum"] = .int(maximum) }
        return .object(o)
    }

    static func array(_ description: String, items: JSONValue, minItems: Int? = nil, maxItems: Int? = nil,
                      listType: String? = nil, mapKeys: [String] = []) -> JSONValue {
        var o: JSONObject = ["type": "array", "description": .string(description), "items": items]
        if let minItems { o["minItems"] = .int(Int64(minItems)) }
        if let maxItems { o["maxItems"] = .int(Int64(maxItems)) }
        if let listType { o["x-kubernetes-list-type"] = .string(listType) }
        if !mapKeys.isEmpty { o["x-kubernetes-list-map-keys"] = .array(mapKeys.map(JSONValue.string)) }
        return .object(o)
    }

    /// A string-to-string map such as matchLabels.
    static func labelMap(_ description: String) -> JSONValue {
        [
            "type": "object", "description": .string(description),
            "additionalProperties": ["type": "string", "maxLength": 63], "maxProperties": 64,
        ]
    }

    /// An embedded object kept as given (YAML mode: a Cilium rule).
    static func preserved(_ description: String) -> JSONValue {
        ["type": "object", "description": .string(description), "x-kubernetes-preserve-unknown-fields": true]
    }

    /// A CEL rule (x-kubernetes-validations item).
    static func rule(_ rule: String, _ message: String, fieldPath: String? = nil) -> JSONValue {
        var o: JSONObject = ["rule": .string(rule), "message": .string(message)]
        if let fieldPath { o["fieldPath"] = .string(fieldPath) }
        return .object(o)
    }

    /// metav1.Condition, as every Kubernetes API spells it.
    static let conditions: JSONValue = array(
        "Standard conditions (Ready, Valid, ...), one per type.",
        items: object("A condition of the object's state.", [
            ("type", string("Condition type, e.g. Ready.", maxLength: 316)),
            ("status", string("True, False or Unknown.", enum: ["True", "False", "Unknown"])),
            ("observedGeneration", integer("The .metadata.generation the condition was set for.", minimum: 0)),
            ("lastTransitionTime", string("When the status last changed.", format: "date-time")),
            ("reason", string("A CamelCase reason for the last transition.", maxLength: 1024)),
            ("message", string("Human-readable details, with the field path and the fix when invalid.", maxLength: 32768)),
        ], required: ["type", "status", "lastTransitionTime", "reason", "message"]),
        listType: "map", mapKeys: ["type"])

    /// apiVersion, kind, metadata: present in every top-level schema.
    static let typeMeta: [(String, JSONValue)] = [
        ("apiVersion", string("The versioned schema of this representation of an object.")),
        ("kind", string("The REST resource this object represents.")),
        ("metadata", ["type": "object"]),
    ]

    /// A printer column.
    static func column(_ name: String, _ type: String, _ path: String, _ description: String, priority: Int = 0) -> JSONValue {
        var o: JSONObject = ["name": .string(name), "type": .string(type), "jsonPath": .string(path),
                             "description": .string(description)]
        if priority != 0 { o["priority"] = .int(Int64(priority)) }
        return .object(o)
    }

    /// A whole CustomResourceDefinition for one namespaced kind of threatmonitor.dev.
    static func crd(kind: String, plural: String, shortNames: [String], columns: [JSONValue],
                    schema: JSONValue) -> JSONValue {
        let singular = kind.lowercased()
        let version: JSONValue = [
            "name": .string(PolicyMetadata.version), "served": true, "storage": true,
            "subresources": ["status": [:]],
            "additionalPrinterColumns": .array(columns),
            "schema": ["openAPIV3Schema": schema],
        ]
        return [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": ["name": .string("\(plural).\(PolicyMetadata.group)"),
                         "labels": [PolicyMetadata.managedByKey: .string(PolicyMetadata.managedByValue)]],
            "spec": [
                "group": .string(PolicyMetadata.group),
                "names": [
                    "kind": .string(kind), "listKind": .string(kind + "List"), "plural": .string(plural),
                    "singular": .string(singular), "shortNames": .array(shortNames.map(JSONValue.string)),
                    "categories": ["threatmonitor"],
                ],
                "scope": "Namespaced",
                "versions": [version],
            ],
        ]
    }
}
