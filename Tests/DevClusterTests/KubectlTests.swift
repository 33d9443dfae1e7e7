import Foundation
import JSON
import Testing
@testable import DevCluster

extension ClusterTests {
    /// The real kubectl (v1.33) against DevCluster: what a user types must work.
    @Suite("kubectl against DevCluster")
    struct KubectlTests {
        /// Starts a cluster with the Widget CRD applied by kubectl itself.
        private func clusterWithCRD() async throws -> TestCluster {
            let c = try await TestCluster.start()
            let r = try await c.kubectl("apply", "-f", try c.write("crd.yaml", Fixtures.widgetCRD))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("customresourcedefinition.apiextensions.k8s.io/widgets.example.com created"))
            return c
        }

        @Test func apiResourcesListsBuiltinsAndCRDs() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            let r = try await c.kubectl("api-resources")
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            #expect(lines.contains("widgets wd example.com/v1 true Widget"))
            #expect(lines.contains("configmaps cm v1 true ConfigMap"))
            #expect(lines.contains("leases coordination.k8s.io/v1 true Lease"))
            #expect(lines.contains("customresourcedefinitions crd,crds apiextensions.k8s.io/v1 false CustomResourceDefinition"))
            let cat = try await c.kubectl("get", "things")
            #expect(cat.status == 0, "\(cat.stderr)")
        }

        @Test func clientSideApplyThenGetShowsPrinterColumns() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            let file = try c.write("w1.yaml", Fixtures.widget("w1", replicas: 3))
            let created = try await c.kubectl("apply", "-f", file)
            #expect(created.stdout.contains("widget.example.com/w1 created"), "\(created.stderr)")
            c.cluster.resetRequestCounts()
            let again = try await c.kubectl("apply", "-f", file)
            #expect(again.stdout.contains("widget.example.com/w1 unchanged"), "\(again.stderr)")
            #expect(c.cluster.requestCount(verb: "patch") == 0)
            #expect(c.cluster.requestCount(verb: "update") == 0)
            _ = try c.write("w1.yaml", Fixtures.widget("w1", color: "blue", replicas: 4))
            let changed = try await c.kubectl("apply", "-f", file)
            #expect(changed.stdout.contains("widget.example.com/w1 configured"), "\(changed.stderr)")
            let get = try await c.kubectl("get", "widgets")
            let rows = get.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            #expect(rows.first == ["NAME", "COLOR", "REPLICAS", "STATE"], "no Age: the CRD lists its own columns")
            #expect(rows.dropFirst().first?.prefix(3) == ["w1", "blue", "4"])
            let yaml = try await c.kubectl("get", "wd", "w1", "-o", "yaml")
            #expect(yaml.stdout.contains("generation: 2"))
            #expect(yaml.stdout.contains("kubectl.kubernetes.io/last-applied-configuration"))
            #expect(yaml.stdout.contains("uid: "))
        }

        @Test func serverSideApplyCreatesAndRemovesDroppedFields() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            let file = try c.write("w.yaml", Fixtures.widget("ssa") + "\n" + "  # tags\n")
            _ = try c.write("w.yaml", """
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: ssa}
                spec: {color: green, tags: [a, b]}
                """)
            let first = try await c.kubectl("apply", "--server-side", "-f", file)
            #expect(first.stdout.contains("widget.example.com/ssa serverside-applied"), "\(first.stderr)")
            _ = try c.write("w.yaml", """
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: ssa}
                spec: {color: blue}
                """)
            let second = try await c.kubectl("apply", "--server-side", "-f", file)
            #expect(second.status == 0, "\(second.stderr)")
            let got = try await c.kubectl("get", "wd", "ssa", "-o", "json")
            let obj = try JSONParser.parse(got.stdout)
            #expect(obj[path: ["spec", "color"]] == "blue")
            #expect(obj[path: ["spec", "tags"]] == nil)
            #expect(obj[path: ["spec", "replicas"]] == 1, "defaulted by the schema")
        }

        @Test func watchSeesChanges() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            _ = try await c.kubectl("apply", "-f", try c.write("w.yaml", Fixtures.widget("w1")))
            async let watching = c.kubectl("get", "wd", "-w", "--request-timeout=6s", timeout: .seconds(15))
            // Wait (bounded) until kubectl's watch is registered, then change the object.
            for _ in 0..<200 where c.cluster.store.watchCount == 0 { try await Task.sleep(for: .milliseconds(25)) }
            #expect(c.cluster.store.watchCount == 1)
            let p = try await c.kubectl("patch", "wd", "w1", "--type=merge", "-p", #"{"spec":{"replicas":7}}"#)
            #expect(p.status == 0, "\(p.stderr)")
            let out = try await watching.stdout
            let rows = out.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            #expect(rows.contains { $0.prefix(3) == ["w1", "red", "2"] })
            #expect(rows.contains { $0.prefix(3) == ["w1", "red", "7"] })
        }

        @Test func editStatusSubresourceWithEditorScript() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            _ = try await c.kubectl("apply", "-f", try c.write("w.yaml", Fixtures.widget("w1")))
            let editor = try c.write("editor.sh", """
                #!/bin/sh
                grep -v '^status:' "$1" | grep -v '^  state:' > "$1.new"
                printf 'status:\\n  state: InReview\\n' >> "$1.new"
                mv "$1.new" "$1"
                """)
            chmod(editor, 0o755)
            let r = try await c.kubectl("edit", "wd", "w1", "--subresource=status", env: ["EDITOR": editor, "KUBE_EDITOR": editor])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("widget.example.com/w1 edited"))
            let obj = try JSONParser.parse(try await c.kubectl("get", "wd", "w1", "-o", "json").stdout)
            #expect(obj[path: ["status", "state"]] == "InReview")
            #expect(obj[path: ["metadata", "generation"]] == 1, "status changes do not move generation")
            // The main endpoint ignores status.
            let ignored = try await c.kubectl("patch", "wd", "w1", "--type=merge", "-p", #"{"status":{"state":"Resolved"}}"#)
            #expect(ignored.stdout.contains("patched (no change)"), "\(ignored.stderr)")
        }

        @Test func patchMergeAndJSON() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            _ = try await c.kubectl("apply", "-f", try c.write("w.yaml", Fixtures.widget("w1")))
            let m = try await c.kubectl("patch", "wd", "w1", "--type=merge", "-p", #"{"spec":{"color":"green"}}"#)
            #expect(m.stdout.contains("widget.example.com/w1 patched"), "\(m.stderr)")
            let j = try await c.kubectl("patch", "wd", "w1", "--type=json", "-p", #"[{"op":"replace","path":"/spec/replicas","value":9}]"#)
            #expect(j.stdout.contains("widget.example.com/w1 patched"), "\(j.stderr)")
            let obj = try JSONParser.parse(try await c.kubectl("get", "wd", "w1", "-o", "json").stdout)
            #expect(obj[path: ["spec", "color"]] == "green")
            #expect(obj[path: ["spec", "replicas"]] == 9)
            #expect(obj[path: ["metadata", "generation"]] == 3)
            let bad = try await c.kubectl("patch", "wd", "w1", "--type=json", "-p", #"[{"op":"replace","path":"/spec/replicas","value":99}]"#)
            #expect(bad.status != 0)
            #expect(bad.stderr.contains("spec.replicas: Invalid value: 99: spec.replicas in body should be less than or equal to 10"), "\(bad.stderr)")
        }

        @Test func deleteGarbageCollectsOwnedDependents() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            _ = try await c.kubectl("apply", "-f", try c.write("w.yaml", Fixtures.widget("owner")))
            let uid = try await c.kubectl("get", "wd", "owner", "-o", "jsonpath={.metadata.uid}").stdout
            #expect(!uid.isEmpty)
            let dep = try c.write("dep.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: dependent
                  ownerReferences: [{apiVersion: example.com/v1, kind: Widget, name: owner, uid: \(uid), blockOwnerDeletion: true}]
                data: {a: b}
                """)
            let applied = try await c.kubectl("apply", "-f", dep)
            #expect(applied.status == 0, "\(applied.stderr)")
            let del = try await c.kubectl("delete", "wd", "owner", "--cascade=foreground")
            #expect(del.stdout.contains("widget.example.com \"owner\" deleted"), "\(del.stderr)")
            let gone = try await c.kubectl("get", "cm", "dependent")
            #expect(gone.status != 0)
            #expect(gone.stderr.contains("configmaps \"dependent\" not found"))
        }

        @Test func explainDescribesCRDFields() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            let r = try await c.kubectl("explain", "widgets.spec")
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("KIND:       Widget"))
            #expect(r.stdout.contains("Spec is what the user wants."))
            #expect(r.stdout.contains("color\t<string> -required-"))
            let field = try await c.kubectl("explain", "widget.spec.color")
            #expect(field.stdout.contains("The colour of the widget."), "\(field.stderr)")
        }

        @Test func invalidObjectIsRejectedWithFieldPaths() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            let r = try await c.kubectl("apply", "-f", try c.write("bad.yaml", Fixtures.widget("bad", color: "purple", replicas: 30)))
            #expect(r.status != 0)
            #expect(r.stderr.contains("The Widget \"bad\" is invalid"), "\(r.stderr)")
            #expect(r.stderr.contains("spec.color: Unsupported value: \"purple\": supported values: \"red\", \"green\", \"blue\""))
            #expect(r.stderr.contains("spec.replicas: Invalid value: 30: spec.replicas in body should be less than or equal to 10"))
            let unknown = try await c.kubectl("apply", "-f", try c.write("unknown.yaml", """
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: unk}
                spec: {color: red, bogus: 1}
                """))
            #expect(unknown.status != 0)
            #expect(unknown.stderr.contains("strict decoding error: unknown field \"spec.bogus\""), "\(unknown.stderr)")
        }

        @Test func fieldAndLabelSelectors() async throws {
            let c = try await clusterWithCRD()
            defer { Task { await c.stop() } }
            let docs = [Fixtures.widget("a", color: "red", labels: ["tier": "web"]),
                        Fixtures.widget("b", color: "blue", labels: ["tier": "db"]),
                        Fixtures.widget("c", color: "red")].joined(separator: "\n---\n")
            let r = try await c.kubectl("apply", "-f", try c.write("all.yaml", docs))
            #expect(r.status == 0, "\(r.stderr)")
            func names(_ args: String...) async throws -> [String] {
                let out = try await c.kubectl(args: ["get", "wd", "-o", "jsonpath={.items[*].metadata.name}"] + args)
                #expect(out.status == 0, "\(out.stderr)")
                return out.stdout.split(separator: " ").map(String.init)
            }
            #expect(try await names("--field-selector", "spec.color=red") == ["a", "c"])
            #expect(try await names("--field-selector", "spec.color!=red,metadata.name!=x") == ["b"])
            #expect(try await names("-l", "tier=web") == ["a"])
            #expect(try await names("-l", "tier in (web,db)") == ["a", "b"])
            #expect(try await names("-l", "!tier") == ["c"])
            #expect(try await names("-l", "tier,tier notin (web)") == ["b"])
            let bad = try await c.kubectl("get", "wd", "--field-selector", "spec.size=1")
            #expect(bad.stderr.contains("field label not supported: spec.size"), "\(bad.stderr)")
        }

        @Test func createGeneratorsPostingProtobuf() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            let ns = try await c.kubectl("create", "namespace", "team")
            #expect(ns.stdout.contains("namespace/team created"), "\(ns.stderr)")
            let cm = try await c.kubectl("create", "configmap", "cfg", "-n", "team", "--from-literal=a=b")
            #expect(cm.stdout.contains("configmap/cfg created"), "\(cm.stderr)")
            let sec = try await c.kubectl("create", "secret", "generic", "s", "-n", "team", "--from-literal=p=q")
            #expect(sec.stdout.contains("secret/s created"), "\(sec.stderr)")
            let got = try JSONParser.parse(try await c.kubectl("get", "secret", "s", "-n", "team", "-o", "json").stdout)
            #expect(got[path: ["data", "p"]] == "cQ==")
            #expect(got["type"] == "Opaque")
            let del = try await c.kubectl("delete", "namespace", "team")
            #expect(del.stdout.contains("namespace \"team\" deleted"), "\(del.stderr)")
            let gone = try await c.kubectl("get", "configmap", "cfg", "-n", "team")
            #expect(gone.stderr.contains("not found"))
        }

        @Test func applyBuiltinsUsesStrategicMerge() async throws {
            let c = try await TestCluster.start()
            defer { Task { await c.stop() } }
            func service(_ ports: String, _ data: String) -> String {
                """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports: [\(ports)]
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data: {\(data)}
                """
            }
            let file = try c.write("svc.yaml", service("{port: 80, name: http}, {port: 443, name: https}", "a: '1', b: '2'"))
            let first = try await c.kubectl("apply", "-f", file)
            #expect(first.status == 0, "\(first.stderr)")
            _ = try c.write("svc.yaml", service("{port: 443, name: https}", "a: '1'"))
            let second = try await c.kubectl("apply", "-f", file)
            #expect(second.stdout.contains("service/web configured"), "\(second.stderr)")
            #expect(second.stdout.contains("configmap/cfg configured"))
            let svc = try JSONParser.parse(try await c.kubectl("get", "svc", "web", "-o", "json").stdout)
            #expect(svc[path: ["spec", "ports"]]?.arrayValue?.compactMap { $0["port"]?.intValue } == [443])
            #expect(svc[path: ["spec", "clusterIP"]]?.stringValue?.hasPrefix("10.96.") == true)
            let cm = try JSONParser.parse(try await c.kubectl("get", "cm", "cfg", "-o", "json").stdout)
            #expect(cm["data"] == ["a": "1"])
        }
    }
}
