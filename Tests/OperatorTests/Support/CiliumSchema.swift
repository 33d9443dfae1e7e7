import Foundation
import JSON
@testable import TestSupport

/// Cilium's CiliumNetworkPolicy CRD, wrapped from ../shared/reference at test time.
enum CiliumSchema {
    static func crd() throws -> JSONValue {
        icuPatterns(try wrapped())
    }

    /// DevCluster compiles patterns with ICU, which lacks RE2's one-letter class
    /// form `\PC` (Cilium's log value pattern); `\P{C}` means the same there.
    static func icuPatterns(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(var o):
            for key in o.keys {
                if key == "pattern", let p = o[key]?.stringValue {
                    o[key] = .string(p.replacingOccurrences(of: "\\PC", with: "\\P{C}"))
                } else if let child = o[key] {
                    o[key] = icuPatterns(child)
                }
            }
            return .object(o)
        case .array(let a): return .array(a.map(icuPatterns))
        default: return v
        }
    }

    static func wrapped() throws -> JSONValue {
        do { return try CiliumCRDs.ciliumNetworkPolicy() } catch {
            // Worktrees (/work/wt/<branch>) sit a level deeper than a checkout with
            // shared/ beside it: look further up, and wrap the schema the same way.
            guard let file = locate("shared/reference/cilium-crds/ciliumnetworkpolicy_v2.schema.json"),
                  let data = FileManager.default.contents(atPath: file.path) else { throw error }
            let schema = CiliumCRDs.structural(try JSONParser.parse(data))
            let crd: JSONValue = [
                "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
                "metadata": ["name": "ciliumnetworkpolicies.cilium.io"],
                "spec": [
                    "group": "cilium.io", "scope": "Namespaced",
                    "names": ["kind": "CiliumNetworkPolicy", "listKind": "CiliumNetworkPolicyList",
                              "plural": "ciliumnetworkpolicies", "singular": "ciliumnetworkpolicy",
                              "shortNames": ["cnp", "ciliumnp"]],
                    "versions": [["name": "v2", "served": true, "storage": true, "subresources": ["status": [:]],
                                  "schema": ["openAPIV3Schema": schema]]],
                ],
            ]
            return crd
        }
    }

    static func locate(_ relative: String) -> URL? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
