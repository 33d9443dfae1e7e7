import Foundation
import JSON

/// A parsed `labelSelector` query (`a=b,c!=d,e in (x,y),f notin (z),g,!h`), as kube-apiserver accepts it.
struct LabelSelector: Sendable, Equatable {
    enum Requirement: Sendable, Equatable {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case doesNotExist(String)
        case greaterThan(String, Int64)
        case lessThan(String, Int64)
    }

    var requirements: [Requirement] = []

    static let everything = LabelSelector()

    /// Parses the query form; errors name the offending term, as kube-apiserver's 400 does.
    init(parsing text: String) throws(APIError) {
        var terms: [Substring] = []
        // Commas split terms except inside parentheses.
        var depth = 0, start = text.startIndex
        for i in text.indices {
            switch text[i] {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                terms.append(text[start..<i])
                start = text.index(after: i)
            default: break
            }
        }
        terms.append(text[start...])
        for raw in terms {
            let term = raw.trimmingCharacters(in: .whitespaces)
            if term.isEmpty {
                if terms.count == 1 { break }
                throw .badRequest("unable to parse requirement: found '', expected: identifier")
            }
            requirements.append(try Self.parseTerm(term))
        }
    }

    init() {}

    private static func parseTerm(_ term: String) throws(APIError) -> Requirement {
        if term.hasPrefix("!") {
            let key = term.dropFirst().trimmingCharacters(in: .whitespaces)
            try validateKey(key)
            return .doesNotExist(key)
        }
        for (op, make) in [("!=", Requirement.notEquals), ("==", Requirement.equals), ("=", Requirement.equals)] {
            if let r = term.range(of: op) {
                let key = term[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                let value = term[r.upperBound...].trimmingCharacters(in: .whitespaces)
                try validateKey(key)
                try validateValue(value)
                return make(key, value)
            }
        }
        for (op, isGreater) in [(">", true), ("<", false)] {
            if let r = term.range(of: op) {
                let key = term[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                let value = term[r.upperBound...].trimmingCharacters(in: .whitespaces)
                try validateKey(key)
                guard let n = Int64(value) else {
                    throw .badRequest("unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer")
                }
                return isGreater ? .greaterThan(key, n) : .lessThan(key, n)
            }
        }
        let words = term.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        if words.count == 2 {
            let key = String(words[0])
            let rest = words[1].trimmingCharacters(in: .whitespaces)
            for (op, isIn) in [("notin", false), ("in", true)] where rest.hasPrefix(op) {
                let list = rest.dropFirst(op.count).trimmingCharacters(in: .whitespaces)
                guard list.hasPrefix("("), list.hasSuffix(")") else {
                    throw .badRequest("unable to parse requirement: found '\(list)', expected: '('")
                }
                let values = Set(list.dropFirst().dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) })
                try validateKey(key)
                for v in values { try validateValue(v) }
                return isIn ? .isIn(key, values) : .notIn(key, values)
            }
            throw .badRequest("unable to parse requirement: found '\(rest)', expected: in, notin, =, ==, !=, gt, lt")
        }
        try validateKey(term)
        return .exists(term)
    }

    private static func validateKey(_ key: String) throws(APIError) {
        let name = key.split(separator: "/", maxSplits: 1).last.map(String.init) ?? ""
        guard !name.isEmpty, name.count <= 63, name.utf8.allSatisfy(isLabelByte),
            name.first?.isLetterOrDigitASCII == true, name.last?.isLetterOrDigitASCII == true
        else {
            throw .badRequest(
                "unable to parse requirement: values[0][\(key)]: Invalid value: \"\(key)\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character")
        }
    }

    private static func validateValue(_ value: String) throws(APIError) {
        guard value.isEmpty || (value.count <= 63 && value.utf8.allSatisfy(isLabelByte)
            && value.first?.isLetterOrDigitASCII == true && value.last?.isLetterOrDigitASCII == true)
        else {
            throw .badRequest(
                "unable to parse requirement: values[0]: Invalid value: \"\(value)\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character")
        }
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
            || b == 0x2E
    }

    var isEverything: Bool { requirements.isEmpty }

    func matches(_ labels: JSONObject?) -> Bool {
        for r in requirements {
            switch r {
            case .equals(let k, let v): if labels?[k]?.stringValue != v { return false }
            case .notEquals(let k, let v): if labels?[k]?.stringValue == v { return false }
            case .isIn(let k, let vs):
                guard let v = labels?[k]?.stringValue, vs.contains(v) else { return false }
            case .notIn(let k, let vs): if let v = labels?[k]?.stringValue, vs.contains(v) { return false }
            case .exists(let k): if labels?[k] == nil { return false }
            case .doesNotExist(let k): if labels?[k] != nil { return false }
            case .greaterThan(let k, let n):
                guard let v = labels?[k]?.stringValue.flatMap({ Int64($0) }), v > n else { return false }
            case .lessThan(let k, let n):
                guard let v = labels?[k]?.stringValue.flatMap({ Int64($0) }), v < n else { return false }
            }
        }
        return true
    }
}

extension Character {
    var isLetterOrDigitASCII: Bool { isASCII && (isLetter || isNumber) }
}
