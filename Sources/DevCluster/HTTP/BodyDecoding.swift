import Foundation
import JSON

/// YAML request bodies (apply patches written by hand, `Content-Type: application/yaml`).
enum BodyDecoding {
    /// nil until the YAML module lands on this branch; kubectl itself always sends JSON.
    static func yaml(_ data: Data) -> JSONValue? { nil }
}
