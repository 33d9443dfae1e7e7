import JSON
import Testing
@testable import Policies

/// What the reconciler writes to status must fit our own CRD schemas.
@Suite("Status values fit the CRD schemas")
struct StatusSchemaTests {
    func statusSchema(_ crd: JSONValue) throws -> JSONValue {
        try #require(crd[path: ["spec", "versions"]]?[0]?[path: ["schema", "openAPIV3Schema", "properties", "status"]])
    }

    @Test("ContainerNetworkPolicy status fields of every example")
    func policyStatus() throws {
        var validator = JSONSchemaValidator(schema: try statusSchema(ContainerNetworkPolicyCRD.definition))
        let examples = try Fixtures.ruleExamples() + Fixtures.ciliumExamples()
        for (name, spec) in examples {
            let status = try Fixtures.render(name, spec).statusFields
            #expect(validator.errors(status) == [], "\(name)")
            #expect(status["policyName"] == .string(name))
        }
        let warned = try Fixtures.render("w", ["alert": true, "predefined": "deny-all-ingress"]).statusFields
        #expect(warned["warnings"]?.arrayValue?.count == 1)
        #expect(validator.errors(warned) == [])
        #expect(!validator.errors(["mode": "Yaml"]).isEmpty)
    }

    @Test("Environment policy inventory")
    func inventory() throws {
        var validator = JSONSchemaValidator(schema: try statusSchema(EnvironmentCRD.definition))
        let cnp = try Fixtures.render("web", ["predefined": "allow-same-namespace", "alert": true]).cnp
        let inv = PolicyInventory.build(namespace: Fixtures.namespace, cnps: [cnp], policies: [])
        #expect(validator.errors(["policyInventory": inv]) == [])
        #expect(!validator.errors(["policyInventory": ["policies": [["name": "x", "state": "Gone"]]]]).isEmpty)
    }
}
