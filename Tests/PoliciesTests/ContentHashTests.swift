import JSON
import Testing
@testable import Policies

@Suite("SHA-256 and content hashes")
struct ContentHashTests {
    @Test("SHA-256 matches published and reference vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func vectors(_ input: String, _ hex: String) {
        #expect(ContentHash.sha256Hex(Array(input.utf8)) == hex)
    }

    @Test("binary input spanning several blocks")
    func binary() {
        var bytes: [UInt8] = []
        for _ in 0..<3 { bytes += (0...255).map { UInt8($0) } }
        #expect(ContentHash.sha256Hex(bytes) == "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363")
    }

    @Test("content hash is of canonical JSON: key order does not matter, values do")
    func canonical() throws {
        let a = try JSONParser.parse(#"{"b":[true,null],"a":1}"#)
        let b = try JSONParser.parse(#"{"a":1,"b":[true,null]}"#)
        #expect(ContentHash.of(a) == "1cc69c7fa23616ca2ec3ee70d24390a6225c8832db8a4c814c7e0e7f942f8668")
        #expect(ContentHash.of(a) == ContentHash.of(b))
        #expect(ContentHash.of(a) != ContentHash.of(try JSONParser.parse(#"{"a":2,"b":[true,null]}"#)))
    }
}
