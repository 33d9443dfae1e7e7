import COpenSSL

/// The subject of a TLS client certificate that OpenSSL verified.
enum PeerIdentity {
    static func verified(_ ssl: OpaquePointer) -> ClientCertificateIdentity? {
        guard let certificate = SSL_get1_peer_certificate(ssl) else { return nil }
        defer { X509_free(certificate) }
        guard SSL_get_verify_result(ssl) == X509_V_OK, let subject = X509_get_subject_name(certificate) else { return nil }
        let commonName = entries(subject, nid: NID_commonName).first ?? ""
        return ClientCertificateIdentity(commonName: commonName, organizations: entries(subject, nid: NID_organizationName))
    }

    /// Every value of one attribute in a distinguished name, in order.
    static func entries(_ name: OpaquePointer, nid: Int32) -> [String] {
        var values: [String] = []
        var index: Int32 = -1
        while true {
            index = X509_NAME_get_index_by_NID(name, nid, index)
            guard index >= 0, let entry = X509_NAME_get_entry(name, index),
                  let data = X509_NAME_ENTRY_get_data(entry) else { break }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, data)
            if length >= 0, let utf8 {
                values.append(String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self))
                CRYPTO_free(utf8, #fileID, #line)
            }
        }
        return values
    }
}
