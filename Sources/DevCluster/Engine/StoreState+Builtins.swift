import Foundation
import JSON

/// What kube-apiserver's per-type strategies do on create and update, for the built-ins served here.
extension StoreState {
    mutating func prepareCreate(_ t: ResourceType, _ obj: inout JSONValue, _ warnings: inout [String]) throws(APIError) {
        switch (t.group, t.plural) {
        case ("", "namespaces"):
            var labels = obj.metaLabels ?? JSONObject()
            labels["kubernetes.io/metadata.name"] = .string(obj.metaName)
            obj.setMeta("labels", .object(labels))
            obj["spec"] = ["finalizers": ["kubernetes"]]
            obj["status"] = ["phase": "Active"]
        case ("", "services"):
            var spec = obj["spec"] ?? [:]
            if spec["type"] == nil { spec["type"] = "ClusterIP" }
            if spec["clusterIP"] == nil || spec["clusterIP"]?.stringValue == "" {
                let ip = "10.96.\(nextClusterIP / 250).\(nextClusterIP % 250 + 1)"
                nextClusterIP += 1
                spec["clusterIP"] = .string(ip)
                spec["clusterIPs"] = [.string(ip)]
            }
            if spec["sessionAffinity"] == nil { spec["sessionAffinity"] = "None" }
            obj["spec"] = spec
            obj["status"] = ["loadBalancer": [:]]
        case ("", "pods"):
            if obj["status"] == nil { obj["status"] = ["phase": "Pending", "qosClass": "BestEffort"] }
        case ("apiextensions.k8s.io", "customresourcedefinitions"):
            try prepareCRD(&obj, &warnings)
        default: break
        }
        try prepareCommon(t, &obj)
    }

    mutating func prepareUpdate(_ t: ResourceType, _ obj: inout JSONValue, old: JSONValue, _ warnings: inout [String]) throws(APIError) {
        switch (t.group, t.plural) {
        case ("", "namespaces"):
            if obj["spec"] == nil { obj["spec"] = old["spec"] }
        case ("", "services"):
            // clusterIP is immutable once allocated.
            if obj[path: ["spec", "clusterIP"]] == nil { obj[path: ["spec", "clusterIP"]] = old[path: ["spec", "clusterIP"]] }
            if obj[path: ["spec", "clusterIPs"]] == nil { obj[path: ["spec", "clusterIPs"]] = old[path: ["spec", "clusterIPs"]] }
            if obj[path: ["spec", "type"]] == nil { obj[path: ["spec", "type"]] = "ClusterIP" }
        case ("apiextensions.k8s.io", "customresourcedefinitions"):
            var keepStatus = old["status"]
            try prepareCRD(&obj, &warnings)
            // Established once stays established; names stay accepted.
            if keepStatus != nil { keepStatus?["acceptedNames"] = obj[path: ["status", "acceptedNames"]] }
            obj["status"] = keepStatus ?? obj["status"]
        default: break
        }
        try prepareCommon(t, &obj)
    }

    /// Built-in field defaults and checks that several types share.
    private func prepareCommon(_ t: ResourceType, _ obj: inout JSONValue) throws(APIError) {
        switch (t.group, t.plural) {
        case ("", "secrets"):
            if case .object(let sd)? = obj["stringData"] {
                var data = obj["data"]?.objectValue ?? JSONObject()
                for (k, v) in sd { data[k] = .string(Data((v.stringValue ?? "").utf8).base64EncodedString()) }
                obj["data"] = .object(data)
                obj["stringData"] = nil
            }
            if obj["type"] == nil || obj["type"] == "" { obj["type"] = "Opaque" }
            try checkStringMap(t, obj, "data", base64: true)
        case ("", "configmaps"):
            try checkStringMap(t, obj, "data", base64: false)
            try checkStringMap(t, obj, "binaryData", base64: true)
        case ("", "services"):
            guard case .array(var ports)? = obj[path: ["spec", "ports"]] else { return }
            var causes: [FieldCause] = []
            for i in ports.indices {
                if ports[i]["protocol"] == nil { ports[i]["protocol"] = "TCP" }
                if ports[i]["targetPort"] == nil { ports[i]["targetPort"] = ports[i]["port"] }
                let p = ports[i]["port"]?.intValue ?? -1
                if !(1...65535).contains(p) {
                    causes.append(.invalid("spec.ports[\(i)].port", ports[i]["port"] ?? .null,
                                           "must be between 1 and 65535, inclusive"))
                }
            }
            if !causes.isEmpty { throw .invalid(kind: t.kind, group: t.group, name: obj.metaName, causes: causes) }
            obj[path: ["spec", "ports"]] = .array(ports)
        case ("coordination.k8s.io", "leases"):
            if let d = obj[path: ["spec", "leaseDurationSeconds"]], (d.intValue ?? 0) <= 0 {
                throw .invalid(kind: t.kind, group: t.group, name: obj.metaName,
                               causes: [.invalid("spec.leaseDurationSeconds", d, "must be greater than 0")])
            }
        default: break
        }
        try checkMetadata(t, obj)
    }

    private func checkStringMap(_ t: ResourceType, _ obj: JSONValue, _ field: String, base64: Bool) throws(APIError) {
        guard let v = obj[field], !v.isNull else { return }
        guard case .object(let m) = v else {
            throw .badRequest("\(t.kind) in version \"\(t.version)\" cannot be handled as a \(t.kind): json: cannot unmarshal \(v.typeName) into Go struct field \(t.kind).\(field) of type map[string]string")
        }
        for (k, val) in m {
            guard let s = val.stringValue else {
                throw .badRequest("\(t.kind) in version \"\(t.version)\" cannot be handled as a \(t.kind): json: cannot unmarshal \(val.typeName) into Go struct field \(t.kind).\(field) of type string")
            }
            if base64 && Data(base64Encoded: s) == nil {
                throw .badRequest("\(t.kind) in version \"\(t.version)\" cannot be handled as a \(t.kind): illegal base64 data at input byte 0 (field \(field).\(k))")
            }
        }
    }

    /// Labels and annotations must be string maps; label values are checked as kube-apiserver does.
    private func checkMetadata(_ t: ResourceType, _ obj: JSONValue) throws(APIError) {
        var causes: [FieldCause] = []
        for field in ["labels", "annotations"] {
            guard let v = obj["metadata"]?[field], !v.isNull else { continue }
            guard case .object(let m) = v else {
                throw .badRequest("\(t.kind) in version \"\(t.version)\" cannot be handled as a \(t.kind): json: cannot unmarshal \(v.typeName) into Go struct field ObjectMeta.metadata.\(field) of type map[string]string")
            }
            for (k, val) in m {
                guard let s = val.stringValue else {
                    throw .badRequest("\(t.kind) in version \"\(t.version)\" cannot be handled as a \(t.kind): json: cannot unmarshal \(val.typeName) into Go struct field ObjectMeta.metadata.\(field) of type string")
                }
                if field == "labels" && !(s.isEmpty || (s.count <= 63 && Formats.isLabelValue(s))) {
                    causes.append(.invalid("metadata.labels", .string(s),
                        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"))
                }
                _ = k
            }
        }
        if !causes.isEmpty { throw .invalid(kind: t.kind, group: t.group, name: obj.metaName, causes: causes) }
    }

    /// Side effects of a committed write: registering CRDs.
    mutating func afterWrite(_ t: ResourceType, _ stored: JSONValue, _ warnings: inout [String]) throws(APIError) {
        if t.groupResource == Self.crds && stored.metaDeletionTimestamp == nil {
            for rt in try CRDCompiler.resourceTypes(from: stored) { types.register(rt) }
        }
    }
}

extension Formats {
    static func isLabelValue(_ s: String) -> Bool {
        guard let f = s.first, let l = s.last, f.isLetterOrDigitASCII, l.isLetterOrDigitASCII else { return false }
        return s.allSatisfy { $0.isLetterOrDigitASCII || $0 == "-" || $0 == "_" || $0 == "." }
    }
}
