import Foundation
import JSON
import Testing
@testable import Policies

@Suite("Environment policy inventory")
struct PolicyInventoryTests {
    static func policy(_ name: String, _ spec: JSONValue) -> JSONValue {
        ["apiVersion": "threatmonitor.dev/v1alpha1", "kind": "ContainerNetworkPolicy",
         "metadata": ["name": .string(name), "namespace": "shop", "uid": .string("uid-" + name)], "spec": spec]
    }

    static func managed(_ p: JSONValue) throws -> JSONValue {
        let name = p[path: ["metadata", "name"]]?.stringValue ?? ""
        return try PolicyCompiler.render(name: name, namespace: "shop", uid: "uid-" + name, spec: p["spec"] ?? .null).get().cnp
    }

    static func unmanaged(_ name: String, namespace: String = "shop", disabled: Bool = false, alert: Bool = false) -> JSONValue {
        var cnp: JSONValue = ["apiVersion": "cilium.io/v2", "kind": "CiliumNetworkPolicy",
                              "metadata": ["name": .string(name), "namespace": .string(namespace)],
                              "spec": ["endpointSelector": ["matchLabels": ["app": "legacy"]], "ingress": [["fromEntities": ["cluster"]]]]]
        if alert { cnp[path: ["metadata", "annotations", "app.gitlab.com/alert"]] = "true" }
        return disabled ? Enforcement.setEnabled(false, on: cnp) : cnp
    }

    func inventory() throws -> JSONValue {
        let web = Self.policy("web", ["alert": true, "podSelector": ["app": "web"], "rules": [["direction": "inbound", "entities": ["world"], "ports": [["port": 443]]]]])
        let http = Self.policy("public-http", ["predefined": "allow-inbound-http", "enabled": false])
        let pending = Self.policy("not-yet", ["predefined": "deny-all-egress"])
        let cnps = [
            try Self.managed(web), try Self.managed(http),
            Self.unmanaged("legacy-enabled", alert: true), Self.unmanaged("legacy-disabled", disabled: true),
            Self.unmanaged("elsewhere", namespace: "other"),
            // A CNP named like a catalog entry hides that entry, as in GitLab.
            Self.unmanaged("drop-outbound"),
        ]
        return PolicyInventory.build(namespace: "shop", cnps: cnps, policies: [web, http, pending])
    }

    @Test("managed, unmanaged-enabled and unmanaged-disabled CNPs, pending policies and available catalog entries")
    func golden() throws {
        let inv = try inventory()
        Golden.check(ManifestText.document(inv), against: Golden.goldenURL("inventory/shop.yaml"))
    }

    @Test("entries carry enforcement, alert and management as GitLab's Policy tab did")
    func entries() throws {
        let inv = try inventory()
        let entries = inv["policies"]?.arrayValue ?? []
        func entry(_ name: String) -> JSONValue? { entries.first { $0["name"] == .string(name) } }
        #expect(entries.compactMap { $0["name"]?.stringValue } == entries.compactMap { $0["name"]?.stringValue }.sorted())
        #expect(entry("web")?["enabled"] == true && entry("web")?["alert"] == true && entry("web")?["managedBy"] == "web")
        #expect(entry("public-http")?["enabled"] == false && entry("public-http")?["predefined"] == "allow-inbound-http")
        #expect(entry("legacy-enabled")?["managed"] == false && entry("legacy-enabled")?["enabled"] == true && entry("legacy-enabled")?["alert"] == true)
        #expect(entry("legacy-disabled")?["enabled"] == false && entry("legacy-disabled")?["managed"] == false)
        #expect(entry("elsewhere") == nil)
        #expect(entry("not-yet")?["state"] == "Pending")
        // Catalog: named by a policy (allow-inbound-http, deny-all-egress) or a CNP (drop-outbound) => not available.
        for used in ["allow-inbound-http", "deny-all-egress"] { #expect(entry(used) == nil, "\(used)") }
        #expect(entry("drop-outbound")?["state"] == "Deployed")
        let available = entries.filter { $0["state"] == "Available" }
        #expect(available.count == PredefinedCatalog.all.count - 3)
        #expect(available.allSatisfy { $0["enabled"] == false && $0["description"] != nil })
        #expect(inv["deployed"] == 5 && inv["enabled"] == 3 && inv["alerting"] == 2 && inv["available"] == .int(Int64(available.count)))
    }

    @Test("an empty namespace lists the whole catalog as available and disabled")
    func empty() {
        let inv = PolicyInventory.build(namespace: "empty", cnps: [], policies: [])
        #expect(inv["policies"]?.arrayValue?.count == PredefinedCatalog.all.count)
        #expect(inv["deployed"] == 0)
    }
}
