import JSON

/// The README's field reference, generated from the CRDs' schema descriptions
/// so it can never drift from what `kubectl explain` says.
public enum CRDReference {
    public static let beginMarker = "<!-- BEGIN CRD REFERENCE (generated: make crds) -->"
    public static let endMarker = "<!-- END CRD REFERENCE -->"

    /// Markdown: one section per kind, one table row per field (dotted path, type, description).
    public static func markdown(_ crds: [JSONValue] = CRDDefinitions.all) -> String {
        var out = ""
        for crd in crds {
            let kind = crd[path: ["spec", "names", "kind"]]?.stringValue ?? "?"
            let group = crd[path: ["spec", "group"]]?.stringValue ?? ""
            let version = crd[path: ["spec", "versions"]]?[0]
            let shortNames = crd[path: ["spec", "names", "shortNames"]]?.arrayValue?.compactMap(\.stringValue) ?? []
            out += "### \(kind) (`\(group)/\(version?["name"]?.stringValue ?? "")`)\n\n"
            if !shortNames.isEmpty { out += "Short names: " + shortNames.map { "`\($0)`" }.joined(separator: ", ") + ".\n\n" }
            out += "| Field | Type | Description |\n|---|---|---|\n"
            guard let schema = version?[path: ["schema", "openAPIV3Schema"]] else { continue }
            for key in ["spec", "status"] {
                if let s = schema[path: ["properties", key]] { rows(path: key, schema: s, into: &out) }
            }
            out += "\n"
        }
        return out
    }

    /// Replaces the text between the markers in `document` (the README) with `markdown()`.
    public static func splice(into document: String, reference: String = markdown()) -> String? {
        guard let begin = document.range(of: beginMarker), let end = document.range(of: endMarker),
              begin.upperBound <= end.lowerBound else { return nil }
        return String(document[..<begin.upperBound]) + "\n" + reference + String(document[end.lowerBound...])
    }

    private static func rows(path: String, schema: JSONValue, into out: inout String) {
        out += "| `\(path)` | \(typeName(schema)) | \(cell(schema["description"]?.stringValue ?? "")) |\n"
        if let props = schema["properties"]?.objectValue {
            for (k, v) in props { rows(path: "\(path).\(k)", schema: v, into: &out) }
        }
        if let items = schema["items"], items["properties"] != nil {
            for (k, v) in items["properties"]?.objectValue ?? JSONObject() { rows(path: "\(path)[].\(k)", schema: v, into: &out) }
        }
    }

    private static func typeName(_ s: JSONValue) -> String {
        var t = s["type"]?.stringValue ?? (s["x-kubernetes-int-or-string"] == .bool(true) ? "int-or-string" : "any")
        if t == "array", let it = s["items"]?["type"]?.stringValue { t = "[]" + it }
        if let e = s["enum"]?.arrayValue { t += " (" + e.compactMap(\.stringValue).joined(separator: ", ") + ")" }
        if let d = s["default"] { t += ", default `\(JSONWriter.string(d))`" }
        return t
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
