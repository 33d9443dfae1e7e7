/// Query strings parsed like Go's `url.ParseQuery` as `Request.URL.Query()` uses it (what
/// kube-apiserver sees): pairs split on `&`, a pair holding `;` or a bad escape is dropped,
/// empty pairs are skipped, `+` is a space, a name without `=` has an empty value.
public enum QueryParser {
    public static func parse(_ rawQuery: String) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for pair in rawQuery.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if pair.contains(UInt8(ascii: ";")) { continue }
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { pair[pair.startIndex..<$0] } ?? pair
            let rawValue = equals.map { pair[pair.index(after: $0)...] } ?? pair[pair.endIndex...]
            guard let name = decode(rawName), let value = decode(rawValue) else { continue }
            pairs.append((name, value))
        }
        return pairs
    }

    private static func decode(_ slice: Substring.UTF8View.SubSequence) -> String? {
        let text = String(Substring(slice))
        return try? PercentDecoding.decode(text, plusIsSpace: true)
    }
}
