import Foundation
import JSON
import Testing
@testable import Policies

/// Everything we render must fit Cilium's own CRD schema (strict: no unknown
/// fields), which is what the API server checks with fieldValidation=Strict.
@Suite("Rendered policies fit Cilium's schema")
struct CiliumSchemaTests {
    @Test("rule-mode and YAML-mode examples, catalog policies enabled and disabled")
    func renderedFitSchema() throws {
        var validator = JSONSchemaValidator(schema: try Fixtures.ciliumSchema())
        var specs = try Fixtures.ruleExamples() + Fixtures.ciliumExamples()
        specs += PredefinedCatalog.all.map { ($0.name, ["predefined": .string($0.name)]) }
        specs += PredefinedCatalog.all.map { ($0.name, ["predefined": .string($0.name), "enabled": false, "alert": true]) }
        for (name, spec) in specs {
            let cnp = try Fixtures.render(name, spec).cnp
            #expect(validator.errors(cnp) == [], "\(name)")
        }
    }

    @Test("the validator itself catches what the schema forbids")
    func validatorCatches() throws {
        var validator = JSONSchemaValidator(schema: try Fixtures.ciliumSchema())
        let bad: [JSONValue] = [
            ["spec": ["endpointSelector": [:], "ingress": [["toPorts": [["ports": [["port": 80]]]]]]]],
            ["spec": ["endpointSelector": [:], "ingress": [["fromEntities": ["moon"]]]]],
            ["spec": ["endpointSelector": [:], "ingress": [["unknown": true]]]],
            ["spec": ["ingress": [[:]]]],
        ]
        for cnp in bad { #expect(!validator.errors(cnp).isEmpty, "\(cnp)") }
    }
}
