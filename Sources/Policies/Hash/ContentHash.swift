import JSON

/// A stable content hash: SHA-256 of the value's canonical JSON (sorted keys,
/// compact), so key order and formatting never change it.
public enum ContentHash {
    /// Lowercase hex, 64 characters.
    public static func of(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        JSONWriter.write(value, into: &bytes, options: [.sortedKeys])
        return SHA256.hex(SHA256.digest(bytes))
    }

    /// SHA-256 of raw bytes, lowercase hex.
    public static func sha256Hex(_ bytes: [UInt8]) -> String { SHA256.hex(SHA256.digest(bytes)) }
}
