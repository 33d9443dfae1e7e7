import JSON
import YAML

/// Text form of a manifest for committed files (crds/, golden files): block
/// YAML as kubectl users read it.
enum ManifestText {
    static func document(_ value: JSONValue, header: String? = nil) -> String {
        (header.map { "# " + $0 + "\n" } ?? "") + YAML.emit(value)
    }
}
