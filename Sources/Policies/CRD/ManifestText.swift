import JSON

/// Text form of a manifest for committed files. JSON is valid YAML, so files
/// stay loadable by kubectl until YAML emission is available here.
enum ManifestText {
    static func document(_ value: JSONValue) -> String {
        JSONWriter.string(value, options: [.pretty]) + "\n"
    }
}
