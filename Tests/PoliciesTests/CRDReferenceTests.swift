import Foundation
import Testing
@testable import Policies

@Suite("README field reference generated from the CRD schemas")
struct CRDReferenceTests {
    @Test("the README's CRD reference is current (UPDATE_GOLDEN=1 regenerates it)")
    func readmeIsCurrent() throws {
        let url = Golden.packageRoot.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let spliced = try #require(CRDReference.splice(into: readme), "README.md lacks the CRD reference markers")
        Golden.check(spliced, against: url)
    }

    @Test("every spec field of every CRD appears with its description")
    func coversEveryField() {
        let md = CRDReference.markdown()
        for field in ["spec.enabled", "spec.alert", "spec.predefined", "spec.rules", "spec.cilium", "spec.adopt", "status.conditions"] {
            #expect(md.contains("`\(field)`"), "missing \(field)")
        }
        #expect(md.contains("### ContainerNetworkPolicy"))
        #expect(md.contains("### Environment"))
    }

    @Test("splice needs both markers in order")
    func spliceNeedsMarkers() {
        #expect(CRDReference.splice(into: "no markers") == nil)
        #expect(CRDReference.splice(into: CRDReference.endMarker + CRDReference.beginMarker) == nil)
        let doc = "a\n\(CRDReference.beginMarker)\nold\n\(CRDReference.endMarker)\nb"
        #expect(CRDReference.splice(into: doc, reference: "new\n") == "a\n\(CRDReference.beginMarker)\nnew\n\(CRDReference.endMarker)\nb")
    }
}
