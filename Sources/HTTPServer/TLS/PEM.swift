import COpenSSL

/// Reading PEM text into OpenSSL objects (the caller frees what it gets).
enum PEM {
    /// Every certificate in `pem`, in order.
    static func certificates(_ pem: String, what: String) throws(HTTPServerError) -> [OpaquePointer] {
        guard let bio = memoryBIO(pem) else { throw .tlsConfiguration("\(what): out of memory") }
        defer { BIO_free(bio) }
        var result: [OpaquePointer] = []
        while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
            result.append(certificate)
        }
        // Reading stops with "no start line" at the end of the text: that is not an error.
        ERR_clear_error()
        if result.isEmpty {
            throw .tlsConfiguration("\(what) holds no PEM certificate (\"-----BEGIN CERTIFICATE-----\")")
        }
        return result
    }

    static func privateKey(_ pem: String) -> OpaquePointer? {
        guard let bio = memoryBIO(pem) else { return nil }
        defer { BIO_free(bio) }
        return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
    }

    /// A read-only memory BIO over a copy of `text`.
    static func memoryBIO(_ text: String) -> OpaquePointer? {
        let bytes = Array(text.utf8)
        guard let bio = BIO_new(BIO_s_mem()) else { return nil }
        let written = bytes.withUnsafeBytes { BIO_write(bio, $0.baseAddress, Int32($0.count)) }
        guard written == bytes.count || bytes.isEmpty else {
            BIO_free(bio)
            return nil
        }
        return bio
    }

    /// Everything written to a memory BIO, as text.
    static func string(of bio: OpaquePointer) -> String {
        let pending = Int(BIO_ctrl_pending(bio))
        var bytes = [UInt8](repeating: 0, count: pending)
        let n = bytes.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(pending)) }
        return String(decoding: bytes.prefix(max(0, Int(n))), as: UTF8.self)
    }
}
