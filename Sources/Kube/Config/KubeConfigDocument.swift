import JSON
import YAML

/// Text to value: kubeconfig files are YAML (JSON is accepted as the YAML subset it is).
enum KubeConfigDocument {
    static func decode(_ text: String, path: String) throws(KubeConfigError) -> JSONValue {
        do { return try YAML.parse(text) } catch {
            throw .syntax(path: path, reason: error.description)
        }
    }
}
