/// Iterates over the lines of a head, stripping CR.
struct HeadLines: IteratorProtocol {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func next() -> UnsafeRawBufferPointer? {
        guard position < bytes.count else { return nil }
        let rest = bytes[position...]
        let newline = rest.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        var end = newline
        if end > position && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = UnsafeRawBufferPointer(rebasing: bytes[position..<end])
        position = newline + 1
        return line
    }
}
