import Foundation

/// JSONValue embeds in Codable models (for fields we keep dynamic) and converts
/// to and from them.
extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let i = try? c.decode(Int64.self) { self = .int(i); return }
        if let d = try? c.decode(Double.self) { self = .double(d); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        if let o = try? c.decode(JSONObject.self) { self = .object(o); return }
        throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a JSON value")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension JSONObject: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        var o = JSONObject()
        // Foundation's decoder does not keep key order; sort for determinism.
        for k in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            o[k.stringValue] = try c.decode(JSONValue.self, forKey: k)
        }
        self = o
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for (k, v) in self { try c.encode(v, forKey: AnyKey(stringValue: k)) }
    }
}

/// A value that does not match the model it is decoded into.
public struct JSONDecodeError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

extension JSONValue {
    /// Decodes a Codable model from this value.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: JSONWriter.data(self))
        } catch let e as DecodingError {
            throw JSONDecodeError(description: "cannot read \(T.self): \(Self.describe(e))")
        }
    }

    /// Encodes a Codable model into a value (key order follows the model's encode).
    public init<T: Encodable>(encoding model: T) throws {
        let data = try JSONEncoder().encode(model)
        self = try JSONParser.parse(data)
    }

    static func describe(_ e: DecodingError) -> String {
        func path(_ p: [CodingKey]) -> String {
            p.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch e {
        case .typeMismatch(let t, let c): return "\(path(c.codingPath)): expected \(t)"
        case .valueNotFound(let t, let c): return "\(path(c.codingPath)): missing \(t)"
        case .keyNotFound(let k, let c): return "\(path(c.codingPath + [k])): required field is missing"
        case .dataCorrupted(let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}
