import Foundation
import JSON

/// A parsed `fieldSelector` query (`metadata.name=x,spec.color!=red`): only `=`, `==` and `!=`.
struct FieldSelector: Sendable, Equatable {
    struct Requirement: Sendable, Equatable {
        var field: String
        var value: String
        var negated: Bool
    }

    var requirements: [Requirement] = []

    init() {}

    /// Parses and checks every field against what the resource supports (400 otherwise, as kube-apiserver).
    init(parsing text: String, supported: Set<String>) throws(APIError) {
        for raw in text.split(separator: ",", omittingEmptySubsequences: true) {
            let term = String(raw)
            var parsed: Requirement?
            for (op, negated) in [("!=", true), ("==", false), ("=", false)] {
                if let r = term.range(of: op) {
                    parsed = Requirement(field: String(term[..<r.lowerBound]).trimmingCharacters(in: .whitespaces),
                                         value: String(term[r.upperBound...]).trimmingCharacters(in: .whitespaces),
                                         negated: negated)
                    break
                }
            }
            guard let req = parsed else {
                throw .badRequest("invalid selector: '\(text)'; can't understand '\(term)'")
            }
            guard supported.contains(req.field) else {
                throw .badRequest("field label not supported: \(req.field)")
            }
            requirements.append(req)
        }
    }

    var isEverything: Bool { requirements.isEmpty }

    /// `fields` maps each supported field to the object's value as a string.
    func matches(_ fields: (String) -> String) -> Bool {
        requirements.allSatisfy { ($0.value == fields($0.field)) != $0.negated }
    }
}
