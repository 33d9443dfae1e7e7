/// The size line of one chunk: hex digits, optional extensions after `;`.
enum ChunkSizeLine {
    static func parse(_ line: UnsafeRawBufferPointer) throws(HTTPParseError) -> Int {
        var size = 0, digits = 0, index = 0
        while index < line.count, let value = ByteClass.hexValue(line[index]) {
            // 15 hex digits stay below Int.max; nothing legitimate is anywhere near that.
            guard digits < 15 else { throw .malformed("chunk size is too large") }
            size = size << 4 | value
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw .malformed("invalid chunk size line \"\(RequestHead.printable(line))\"") }
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        guard index == line.count || line[index] == UInt8(ascii: ";") else {
            throw .malformed("invalid chunk size line \"\(RequestHead.printable(line))\"")
        }
        return size
    }
}
