import Foundation
import Testing
@testable import HTTPServer

@Suite struct HeadBoundaries {
    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: x\r\n\r\nrest", 25, 27),
        ("GET / HTTP/1.1\nHost: x\n\nrest", 23, 24),
        ("GET / HTTP/1.1\r\nHost: x\r\n", -1, -1),
        ("GET / HTTP/1.1\r\nHost: x\r\n\r", -1, -1),
    ])
    func findsBlankLine(_ text: String, _ content: Int, _ total: Int) {
        var scanFrom = 0
        let found = Array(text.utf8).withUnsafeBytes { RequestReader.headLength($0, scanFrom: &scanFrom) }
        #expect(found?.content ?? -1 == content)
        #expect(found?.total ?? -1 == total)
    }

    @Test func resumesScanningAcrossReads() {
        var scanFrom = 0
        let first = Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8)
        #expect(first.withUnsafeBytes { RequestReader.headLength($0, scanFrom: &scanFrom) } == nil)
        let whole = first + Array("\r\n".utf8)
        let found = whole.withUnsafeBytes { RequestReader.headLength($0, scanFrom: &scanFrom) }
        #expect(found?.total == whole.count)
    }
}
