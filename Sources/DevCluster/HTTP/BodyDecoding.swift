import Foundation
import JSON
import YAML

/// YAML request bodies (apply patches written by hand, `Content-Type: application/yaml`).
enum BodyDecoding {
    /// One YAML document, nil when the body is not YAML either.
    static func yaml(_ data: Data) -> JSONValue? {
        guard let docs = try? YAML.parseAll(data), docs.count == 1 else { return nil }
        return docs[0]
    }
}
