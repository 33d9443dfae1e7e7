import Foundation
import JSON
import YAML
@testable import Policies

/// Shared inputs: file loading and the identity of the rendered examples.
enum Fixtures {
    static let namespace = "shop"
    static let uid = "6f1d3c1e-0000-4000-8000-000000000001"

    static func load(_ url: URL) throws -> JSONValue {
        try JSONParser.parse(Data(contentsOf: url))
    }

    /// Cilium's CNP schema from shared/reference (never copied into the
    /// repository): beside the checkout, or beside the worktrees' parent.
    static func ciliumSchema() throws -> JSONValue {
        let file = "shared/reference/cilium-crds/ciliumnetworkpolicy_v2.schema.json"
        var dir = Golden.packageRoot.deletingLastPathComponent()
        for _ in 0..<3 {
            let url = dir.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: url.path) { return try load(url) }
            dir = dir.deletingLastPathComponent()
        }
        throw MissingSchema(searchedFrom: Golden.packageRoot.path)
    }

    struct MissingSchema: Error, CustomStringConvertible {
        let searchedFrom: String
        var description: String { "\(searchedFrom): no ../shared/reference/cilium-crds (up to three levels up); lay shared/ beside the checkout" }
    }

    static func loadYAML(_ url: URL) throws -> JSONValue {
        try YAML.parse(String(contentsOf: url, encoding: .utf8))
    }

    /// Rule-mode examples: (name, spec) from Golden/rules/*.input.yaml, sorted.
    static func ruleExamples() throws -> [(name: String, spec: JSONValue)] { try examples(in: "rules") }

    /// YAML-mode examples from Golden/cilium/*.input.yaml.
    static func ciliumExamples() throws -> [(name: String, spec: JSONValue)] { try examples(in: "cilium") }

    static func examples(in folder: String) throws -> [(name: String, spec: JSONValue)] {
        let dir = Golden.goldenURL(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".input.yaml") }.sorted()
        return try files.map { f in
            (String(f.dropLast(".input.yaml".count)), try loadYAML(dir.appendingPathComponent(f)))
        }
    }

    /// Renders or records why it could not.
    static func render(_ name: String, _ spec: JSONValue) throws -> RenderedPolicy {
        try PolicyCompiler.render(name: name, namespace: namespace, uid: uid, spec: spec).get()
    }
}
