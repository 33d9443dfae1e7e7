import Foundation
import Testing
@testable import HTTPServer

@Suite struct PercentDecodingRules {
    @Test func decodes() throws {
        #expect(try PercentDecoding.decode("a%2Fb%41", plusIsSpace: false) == "a/bA")
        #expect(try PercentDecoding.decode("a+b", plusIsSpace: false) == "a+b")
        #expect(try PercentDecoding.decode("a+b", plusIsSpace: true) == "a b")
        #expect(try PercentDecoding.decode("plain", plusIsSpace: true) == "plain")
    }

    @Test(arguments: ["%", "%1", "a%g0", "%0g", "100%"])
    func rejectsIncompleteEscapes(_ text: String) {
        #expect(throws: PercentDecoding.InvalidEscape.self) { try PercentDecoding.decode(text, plusIsSpace: true) }
    }
}
