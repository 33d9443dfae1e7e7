import JSON

/// RFC 6902 JSON Patch (add, remove, replace, move, copy, test) over JSON pointers.
enum JSONPatch {
    static func apply(_ patch: JSONValue, to doc: JSONValue) throws(APIError) -> JSONValue {
        guard case .array(let ops) = patch else {
            throw .badRequest("json: cannot unmarshal \(patch.typeName) into Go value of type jsonpatch.Patch")
        }
        var d = doc
        for (i, op) in ops.enumerated() {
            guard let kind = op["op"]?.stringValue, let path = op["path"]?.stringValue else {
                throw .unprocessable("the server rejected our request due to an error in our request: operation \(i) lacks op or path")
            }
            let p = try pointer(path)
            switch kind {
            case "add": try set(&d, p, try value(op, i), insert: true)
            case "replace":
                _ = try get(d, p, path)
                try set(&d, p, try value(op, i), insert: false)
            case "remove": try remove(&d, p, path)
            case "move", "copy":
                guard let from = op["from"]?.stringValue else {
                    throw .unprocessable("the server rejected our request due to an error in our request: \(kind) operation \(i) lacks from")
                }
                let fp = try pointer(from)
                let v = try get(d, fp, from)
                if kind == "move" { try remove(&d, fp, from) }
                try set(&d, p, v, insert: true)
            case "test":
                let actual = try get(d, p, path)
                guard actual == (try value(op, i)) else {
                    throw .unprocessable("the server rejected our request due to an error in our request: testing value \(path) failed: test failed")
                }
            default:
                throw .unprocessable("the server rejected our request due to an error in our request: Unexpected kind: \(kind)")
            }
        }
        return d
    }

    private static func value(_ op: JSONValue, _ i: Int) throws(APIError) -> JSONValue {
        guard let v = op["value"] else {
            throw .unprocessable("the server rejected our request due to an error in our request: operation \(i) lacks value")
        }
        return v
    }

    static func pointer(_ path: String) throws(APIError) -> [String] {
        if path.isEmpty { return [] }
        guard path.hasPrefix("/") else {
            throw .unprocessable("the server rejected our request due to an error in our request: invalid JSON pointer \"\(path)\"")
        }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func missing(_ path: String) -> APIError {
        .unprocessable("the server rejected our request due to an error in our request: doc is missing path: \"\(path)\": missing value")
    }

    private static func get(_ d: JSONValue, _ p: [String], _ path: String) throws(APIError) -> JSONValue {
        var cur = d
        for c in p {
            switch cur {
            case .object(let o): guard let n = o[c] else { throw missing(path) }; cur = n
            case .array(let a): guard let i = Int(c), a.indices.contains(i) else { throw missing(path) }; cur = a[i]
            default: throw missing(path)
            }
        }
        return cur
    }

    private static func set(_ d: inout JSONValue, _ p: [String], _ v: JSONValue, insert: Bool) throws(APIError) {
        guard let first = p.first else { d = v; return }
        let rest = Array(p.dropFirst())
        switch d {
        case .object(var o):
            if rest.isEmpty { o[first] = v } else {
                guard var child = o[first] else { throw missing("/" + p.joined(separator: "/")) }
                try set(&child, rest, v, insert: insert)
                o[first] = child
            }
            d = .object(o)
        case .array(var a):
            if rest.isEmpty {
                if first == "-" && insert { a.append(v) }
                else if let i = Int(first), insert ? (0...a.count).contains(i) : a.indices.contains(i) {
                    if insert { a.insert(v, at: i) } else { a[i] = v }
                } else { throw missing("/" + p.joined(separator: "/")) }
            } else {
                guard let i = Int(first), a.indices.contains(i) else { throw missing("/" + p.joined(separator: "/")) }
                try set(&a[i], rest, v, insert: insert)
            }
            d = .array(a)
        default:
            throw missing("/" + p.joined(separator: "/"))
        }
    }

    private static func remove(_ d: inout JSONValue, _ p: [String], _ path: String) throws(APIError) {
        guard let first = p.first else { throw missing(path) }
        let rest = Array(p.dropFirst())
        switch d {
        case .object(var o):
            guard var child = o[first] else { throw missing(path) }
            if rest.isEmpty { o[first] = nil } else { try remove(&child, rest, path); o[first] = child }
            d = .object(o)
        case .array(var a):
            guard let i = Int(first), a.indices.contains(i) else { throw missing(path) }
            if rest.isEmpty { a.remove(at: i) } else { try remove(&a[i], rest, path) }
            d = .array(a)
        default:
            throw missing(path)
        }
    }
}
