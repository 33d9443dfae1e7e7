import Foundation
import JSON

/// Decodes the protobuf bodies kubectl's typed clients post (`kubectl create namespace|configmap|secret`)
/// into JSON, for the few built-in kinds that such commands create. Anything else is 415.
enum ProtobufDecoding {
    /// How one message field maps to JSON.
    indirect enum Field {
        case string(String), bytes(String), int(String), bool(String)
        case message(String, [Int: Field])
        case stringMap(String), bytesMap(String)
        case strings(String), messages(String, [Int: Field])
    }

    static let ownerReference: [Int: Field] = [1: .string("kind"), 3: .string("name"), 4: .string("uid"),
                                               5: .string("apiVersion"), 6: .bool("controller"), 7: .bool("blockOwnerDeletion")]
    static let objectMeta: [Int: Field] = [
        1: .string("name"), 2: .string("generateName"), 3: .string("namespace"), 5: .string("uid"),
        6: .string("resourceVersion"), 7: .int("generation"), 11: .stringMap("labels"), 12: .stringMap("annotations"),
        13: .messages("ownerReferences", ownerReference), 14: .strings("finalizers"),
    ]
    static let kinds: [String: [Int: Field]] = [
        "Namespace": [1: .message("metadata", objectMeta), 2: .message("spec", [1: .strings("finalizers")])],
        "ConfigMap": [1: .message("metadata", objectMeta), 2: .stringMap("data"), 3: .bytesMap("binaryData"), 4: .bool("immutable")],
        "Secret": [1: .message("metadata", objectMeta), 2: .bytesMap("data"), 3: .string("type"), 4: .stringMap("stringData"),
                   5: .bool("immutable")],
    ]

    static func decode(_ body: Data) throws(APIError) -> JSONValue {
        let bytes = [UInt8](body)
        guard bytes.count > 4, bytes[0..<4] == [0x6B, 0x38, 0x73, 0x00] else {
            throw .badRequest("the protobuf body does not start with the k8s envelope")
        }
        var r = Reader(bytes: bytes, pos: 4, end: bytes.count)
        var apiVersion = "", kind = ""
        var raw: Range<Int>?
        while let (field, wire) = try r.tag() {
            switch (field, wire) {
            case (1, 2):
                var tm = try r.sub()
                while let (f, w) = try tm.tag() {
                    if f == 1 && w == 2 { apiVersion = try tm.string() } else if f == 2 && w == 2 { kind = try tm.string() } else { try tm.skip(w) }
                }
            case (2, 2): raw = try r.range()
            default: try r.skip(wire)
            }
        }
        guard let layout = kinds[kind], let raw else {
            throw .unsupportedMediaType("the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (protobuf is only read for Namespace, ConfigMap and Secret)")
        }
        var obj = try message(Reader(bytes: bytes, pos: raw.lowerBound, end: raw.upperBound), layout)
        obj["apiVersion"] = .string(apiVersion)
        obj["kind"] = .string(kind)
        return obj
    }

    private static func message(_ reader: Reader, _ layout: [Int: Field]) throws(APIError) -> JSONValue {
        var r = reader
        var o = JSONObject()
        while let (f, wire) = try r.tag() {
            guard let field = layout[f] else { try r.skip(wire); continue }
            switch field {
            case .string(let k): o[k] = .string(try r.string())
            case .bytes(let k): o[k] = .string(Data(try r.payload()).base64EncodedString())
            case .int(let k): o[k] = .int(Int64(bitPattern: try r.varint()))
            case .bool(let k): o[k] = .bool(try r.varint() != 0)
            case .message(let k, let sub): o[k] = try message(try r.sub(), sub)
            case .strings(let k):
                var a = o[k]?.arrayValue ?? []
                a.append(.string(try r.string()))
                o[k] = .array(a)
            case .messages(let k, let sub):
                var a = o[k]?.arrayValue ?? []
                a.append(try message(try r.sub(), sub))
                o[k] = .array(a)
            case .stringMap(let k), .bytesMap(let k):
                var entry = try r.sub()
                var key = "", value: JSONValue = ""
                while let (ef, ew) = try entry.tag() {
                    if ef == 1 { key = try entry.string() }
                    else if ef == 2 {
                        if case .bytesMap = field { value = .string(Data(try entry.payload()).base64EncodedString()) }
                        else { value = .string(try entry.string()) }
                    } else { try entry.skip(ew) }
                }
                var m = o[k]?.objectValue ?? JSONObject()
                m[key] = value
                o[k] = .object(m)
            }
        }
        return .object(o)
    }

    /// A bounded view of protobuf wire data.
    struct Reader {
        let bytes: [UInt8]
        var pos: Int
        let end: Int

        private static let truncated = APIError.badRequest("the protobuf body is truncated")

        mutating func varint() throws(APIError) -> UInt64 {
            var v: UInt64 = 0, shift: UInt64 = 0
            while pos < end, shift < 64 {
                let b = bytes[pos]
                pos += 1
                v |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return v }
                shift += 7
            }
            throw Self.truncated
        }

        mutating func tag() throws(APIError) -> (Int, Int)? {
            guard pos < end else { return nil }
            let t = try varint()
            return (Int(t >> 3), Int(t & 7))
        }

        mutating func range() throws(APIError) -> Range<Int> {
            let n = Int(clamping: try varint())
            guard n >= 0, n <= end - pos else { throw Self.truncated }
            defer { pos += n }
            return pos..<(pos + n)
        }

        mutating func payload() throws(APIError) -> ArraySlice<UInt8> { bytes[try range()] }
        mutating func string() throws(APIError) -> String { String(decoding: try payload(), as: UTF8.self) }
        mutating func sub() throws(APIError) -> Reader {
            let r = try range()
            return Reader(bytes: bytes, pos: r.lowerBound, end: r.upperBound)
        }

        mutating func skip(_ wire: Int) throws(APIError) {
            switch wire {
            case 0: _ = try varint()
            case 1: guard end - pos >= 8 else { throw Self.truncated }; pos += 8
            case 2: _ = try range()
            case 5: guard end - pos >= 4 else { throw Self.truncated }; pos += 4
            default: throw APIError.badRequest("unsupported protobuf wire type \(wire)")
            }
        }
    }
}
