import Foundation
import Testing
@testable import HTTPServer

@Suite struct ParserRobustness {
    /// Parsers see arbitrary bytes from the network: none of them may trap.
    @Test func randomInputNeverTraps() {
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet = Array("GET /?&=%+;: \r\n\tHTTP/1.1Host0123456789abcdefxyz\u{7f}".utf8) + [0, 0xff, 0xc3]
        var outcomes = (parsed: 0, rejected: 0)
        for _ in 0..<4_000 {
            let bytes = (0..<(next() % 120)).map { _ in alphabet[next() % alphabet.count] }
            let prefixed = next() % 2 == 0 ? Array("GET /".utf8) + bytes : bytes
            prefixed.withUnsafeBytes { raw in
                if (try? RequestHead.parse(raw)) != nil { outcomes.parsed += 1 } else { outcomes.rejected += 1 }
                _ = try? ChunkSizeLine.parse(raw)
                var scanFrom = 0
                _ = RequestReader.headLength(raw, scanFrom: &scanFrom)
                _ = try? PercentDecoding.decode(raw, plusIsSpace: true)
            }
            _ = QueryParser.parse(String(decoding: prefixed, as: UTF8.self))
        }
        #expect(outcomes.rejected > 0)
        #expect(outcomes.parsed + outcomes.rejected == 4_000)
    }
}
