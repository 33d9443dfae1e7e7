/// Percent-decoding with the rules of Go's net/url (which kube-apiserver uses): `%XX` must
/// have two hex digits; `+` means a space only in query components.
enum PercentDecoding {
    struct InvalidEscape: Error, Equatable {
        /// The offending escape, e.g. "%zz", for the error message.
        let escape: String
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, plusIsSpace: Bool) throws(InvalidEscape) -> String {
        let percent = UInt8(ascii: "%"), plus = UInt8(ascii: "+")
        guard bytes.contains(where: { $0 == percent || (plusIsSpace && $0 == plus) }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == percent {
                guard index + 2 < bytes.count,
                      let high = ByteClass.hexValue(bytes[index + 1]), let low = ByteClass.hexValue(bytes[index + 2]) else {
                    let end = min(bytes.count, index + 3)
                    throw InvalidEscape(escape: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
                }
                output.append(UInt8(high << 4 | low))
                index += 3
            } else {
                output.append(plusIsSpace && byte == plus ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func decode(_ text: String, plusIsSpace: Bool) throws(InvalidEscape) -> String {
        var copy = text
        return try copy.withUTF8 { buffer in
            Result { () throws(InvalidEscape) in try decode(UnsafeRawBufferPointer(buffer), plusIsSpace: plusIsSpace) }
        }.get()
    }
}
