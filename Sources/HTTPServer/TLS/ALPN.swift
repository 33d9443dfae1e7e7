import COpenSSL

/// Server-side ALPN: accept `http/1.1` when offered, otherwise negotiate nothing, so an
/// HTTP/2-preferring client falls back to HTTP/1.1 instead of failing the handshake.
enum ALPN {
    static func select(out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, outLength: UnsafeMutablePointer<UInt8>?,
                       offered: UnsafePointer<UInt8>?, offeredLength: UInt32) -> Int32 {
        guard let out, let outLength, let offered else { return SSL_TLSEXT_ERR_NOACK }
        let wanted = Array("http/1.1".utf8)
        var index = 0
        let total = Int(offeredLength)
        while index < total {
            let length = Int(offered[index])
            let start = index + 1
            guard start + length <= total else { break }
            if length == wanted.count, (0..<length).allSatisfy({ offered[start + $0] == wanted[$0] }) {
                out.pointee = offered + start
                outLength.pointee = UInt8(length)
                return SSL_TLSEXT_ERR_OK
            }
            index = start + length
        }
        return SSL_TLSEXT_ERR_NOACK
    }
}
