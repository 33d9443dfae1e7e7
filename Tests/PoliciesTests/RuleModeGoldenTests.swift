import Foundation
import JSON
import Testing
@testable import Policies

/// Rule-mode examples (Golden/rules/*.input.yaml) render to the committed CNPs.
@Suite("Rule mode and YAML mode golden files")
struct RuleModeGoldenTests {
    @Test("at least 25 examples, each rendering to its golden CNP")
    func examplesMatchGoldenFiles() throws {
        let examples = try Fixtures.ruleExamples()
        #expect(examples.count >= 25)
        var summaries = ""
        for (name, spec) in examples {
            let rendered = try #require(try? Fixtures.render(name, spec), "\(name) did not render")
            #expect(rendered.mode == .rules)
            Golden.check(ManifestText.document(rendered.cnp), against: Golden.goldenURL("rules/\(name).cnp.yaml"))
            summaries += "\(name): \(rendered.summary)\n"
            for w in rendered.warnings { summaries += "  warning \(w)\n" }
        }
        Golden.check(summaries, against: Golden.goldenURL("rules/summaries.txt"))
    }

    @Test("YAML-mode examples render to their golden CNPs")
    func ciliumExamples() throws {
        let examples = try Fixtures.ciliumExamples()
        #expect(examples.count >= 5)
        var summaries = ""
        for (name, spec) in examples {
            let rendered = try #require(try? Fixtures.render(name, spec), "\(name) did not render: \(PolicySpecParser.parse(spec))")
            #expect(rendered.mode == .cilium)
            Golden.check(ManifestText.document(rendered.cnp), against: Golden.goldenURL("cilium/\(name).cnp.yaml"))
            summaries += "\(name): \(rendered.summary)\n"
            for w in rendered.warnings { summaries += "  warning \(w)\n" }
        }
        Golden.check(summaries, against: Golden.goldenURL("cilium/summaries.txt"))
    }

    @Test("every golden CNP has its input (no stale files after a rename)")
    func noOrphans() throws {
        for folder in ["rules", "cilium"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: Golden.goldenURL(folder).path)
            let inputs = Set(files.filter { $0.hasSuffix(".input.yaml") }.map { $0.dropLast(".input.yaml".count) })
            for f in files where f.hasSuffix(".cnp.yaml") {
                #expect(inputs.contains(f.dropLast(".cnp.yaml".count)), "\(folder)/\(f) has no input; delete it")
            }
        }
    }

    @Test("rendering is deterministic: same input, same bytes and hash; label order does not matter")
    func deterministic() throws {
        let a = try Fixtures.render("p", try JSONParser.parse(#"{"podSelector":{"b":"2","a":"1"},"rules":[{"direction":"inbound","pods":{"y":"1","x":"2"}}]}"#))
        let b = try Fixtures.render("p", try JSONParser.parse(#"{"rules":[{"pods":{"x":"2","y":"1"},"direction":"inbound"}],"podSelector":{"a":"1","b":"2"}}"#))
        #expect(JSONWriter.string(a.cnp) == JSONWriter.string(b.cnp))
        #expect(a.hash == b.hash)
        #expect(a.hash.count == 64)
    }

    @Test("one DNS rule for any number of FQDN rules, none when switched off or without FQDNs")
    func dnsRule() throws {
        func dnsRules(_ json: String) throws -> Int {
            let r = try Fixtures.render("p", try JSONParser.parse(json))
            return (r.cnp[path: ["spec", "egress"]]?.arrayValue ?? []).filter { $0 == CiliumJSON.kubeDNSEgressRule }.count
        }
        #expect(try dnsRules(#"{"rules":[{"direction":"outbound","fqdns":[{"matchName":"a.com"}]},{"direction":"outbound","fqdns":[{"matchName":"b.com"}]}]}"#) == 1)
        #expect(try dnsRules(#"{"addDNSRule":false,"rules":[{"direction":"outbound","fqdns":[{"matchName":"a.com"}]}]}"#) == 0)
        #expect(try dnsRules(#"{"rules":[{"direction":"outbound","entities":["world"]}]}"#) == 0)
    }
}
