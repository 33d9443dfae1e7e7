import Foundation
import Testing
@testable import HTTPServer

@Suite struct QueryParsing {
    // Cases checked against Go's url.ParseQuery.
    @Test(arguments: [
        ("a=1&b=2", [("a", "1"), ("b", "2")]),
        ("a=1&a=2", [("a", "1"), ("a", "2")]),
        ("q=a+b%20c", [("q", "a b c")]),
        ("k%2Bey=v%2B", [("k+ey", "v+")]),
        ("flag", [("flag", "")]),
        ("a=&=b", [("a", ""), ("", "b")]),
        ("&&a=1&", [("a", "1")]),
        ("a=1;b=2&c=3", [("c", "3")]),          // pairs holding ';' are dropped
        ("bad=%zz&good=1", [("good", "1")]),     // a bad escape drops its pair only
        ("x=%E2%9C%93", [("x", "✓")]),
        ("eq=a=b", [("eq", "a=b")]),
        ("", []),
    ])
    func parsesLikeGo(_ raw: String, _ expected: [(String, String)]) {
        let parsed = QueryParser.parse(raw)
        #expect(parsed.map(\.name) == expected.map(\.0))
        #expect(parsed.map(\.value) == expected.map(\.1))
    }
}
