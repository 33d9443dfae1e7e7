extension HTTPHeaders {
    /// Adds one "Name: value" line, validated.
    mutating func addField(_ line: UnsafeRawBufferPointer) throws(HTTPParseError) {
        if let first = line.first, first == 0x20 || first == 0x09 {
            throw .malformed("obsolete header line folding is not allowed")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw .malformed("header line without a colon: \"\(RequestHead.printable(line))\"")
        }
        let name = UnsafeRawBufferPointer(rebasing: line[..<colon])
        guard !name.isEmpty, name.allSatisfy(ByteClass.isToken) else {
            throw .malformed("invalid header name \"\(RequestHead.printable(name))\"")
        }
        var start = colon + 1, end = line.count
        while start < end, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
        while end > start, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        let value = UnsafeRawBufferPointer(rebasing: line[start..<end])
        guard value.allSatisfy(ByteClass.isFieldValue) else {
            throw .malformed("invalid character in the value of header \"\(String(decoding: name, as: UTF8.self))\"")
        }
        add(String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }
}
