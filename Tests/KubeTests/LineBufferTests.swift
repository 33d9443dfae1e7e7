import Foundation
import Testing
@testable import Kube

@Suite("Watch frame splitting")
struct LineBufferTests {
    func lines(_ chunks: [String]) -> [String] {
        var b = LineBuffer()
        var out: [String] = []
        for c in chunks {
            b.append(Data(c.utf8))
            while let r = b.nextLine() { out.append(b.withLine(r) { String(decoding: $0, as: UTF8.self) }) }
        }
        return out
    }

    @Test func manyLinesInOneChunk() {
        #expect(lines(["a\nbb\nccc\n"]) == ["a", "bb", "ccc"])
    }

    @Test func linesSplitAcrossChunks() {
        #expect(lines(["{\"a\"", ":1}\n{", "\"b\":2", "}\n"]) == ["{\"a\":1}", "{\"b\":2}"])
    }

    @Test func everySplitPointGivesTheSameLines() {
        let text = "{\"type\":\"ADDED\"}\n{\"type\":\"MODIFIED\"}\n\n{\"type\":\"DELETED\"}\n"
        let expected = lines([text])
        let bytes = Array(text.utf8)
        for i in 0...bytes.count {
            for j in i...bytes.count {
                let parts = [bytes[..<i], bytes[i..<j], bytes[j...]].map { String(decoding: $0, as: UTF8.self) }
                #expect(lines(parts) == expected, "split at \(i), \(j)")
            }
        }
    }

    @Test func unfinishedLineIsHeldBack() {
        var b = LineBuffer()
        b.append(Data("partial".utf8))
        #expect(b.nextLine() == nil)
        #expect(b.pendingCount == 7)
        b.append(Data(" line\n".utf8))
        let r = b.nextLine()
        #expect(r.map { b.withLine($0) { String(decoding: $0, as: UTF8.self) } } == "partial line")
    }

    @Test func oversizedLineOverflows() {
        var b = LineBuffer(maxLineBytes: 8)
        b.append(Data("0123456789".utf8))
        #expect(b.nextLine() == nil)
        #expect(b.overflowed)
    }

    @Test func consumedBytesAreDropped() {
        var b = LineBuffer()
        let line = String(repeating: "x", count: 1000) + "\n"
        for _ in 0..<1000 {
            b.append(Data(line.utf8))
            while b.nextLine() != nil {}
        }
        // Compaction keeps the buffer near one chunk, not the whole stream.
        #expect(b.bytes.count < 4 * line.utf8.count)
    }
}
