import Foundation

/// Scalars with an explicit tag, as go-yaml v2 treats them: the standard tags
/// it can resolve must agree with the text (`!!int abc` is an error, `!!float 1`
/// is 1.0); every other tag (local `!foo`, the bare `!`) keeps the text as a
/// string. `!!binary` keeps its base64 text too (kubectl would decode it), once
/// the text is checked to be base64.
enum TagResolver {
    static let yamlPrefix = "tag:yaml.org,2002:"

    /// `tag:yaml.org,2002:int` → `!!int`; other tags unchanged.
    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(yamlPrefix) ? "!!" + tag.dropFirst(yamlPrefix.count) : tag
    }

    /// The meaning of a scalar tagged `tag` (short form), or a message saying why the
    /// text cannot have that type.
    static func resolve(tag: String, text b: UnsafeBufferPointer<UInt8>) -> Result<ResolvedScalar, TagMismatch> {
        switch tag {
        case "!!str":
            return .success(.string)
        case "!!binary":
            // Kept as the base64 text (kubectl would decode it), but checked as go-yaml checks it.
            let base64 = String(decoding: b.filter { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
            guard Data(base64Encoded: base64) != nil else {
                return .failure(TagMismatch(message: "!!binary value contains invalid base64 data"))
            }
            return .success(.string)
        case "!!bool", "!!int", "!!float", "!!null", "!!timestamp":
            break
        default:
            return .success(.string)
        }
        let resolved = PlainScalarResolver.resolve(b)
        if resolved.shortTag == tag { return .success(resolved) }
        switch (tag, resolved) {
        case ("!!float", .int(let i)): return .success(.double(Double(i)))
        case ("!!float", .unsigned(let u)): return .success(.double(Double(u)))
        // Timestamps resolve to their text (see PlainScalarResolver); the format is not checked.
        case ("!!timestamp", .string): return .success(.string)
        default:
            return .failure(TagMismatch(
                message: "cannot decode \(resolved.shortTag) `\(String(decoding: b, as: UTF8.self))` as a \(tag)"))
        }
    }

    struct TagMismatch: Error {
        let message: String
    }
}
