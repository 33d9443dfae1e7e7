import COpenSSL

/// Key generation and certificate signing with OpenSSL. Pointers never leave this file's
/// callers unfreed: every function documents who frees what.
enum X509Builder {
    /// A CA certificate and its key, both owned (call `free()`).
    struct Authority {
        let certificate: OpaquePointer
        let key: OpaquePointer

        func free() {
            X509_free(certificate)
            EVP_PKEY_free(key)
        }
    }

    /// A new EC P-256 key; free it with `free(_:)`.
    static func generateKey() throws(CertificateError) -> OpaquePointer {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nil) else {
            throw .keyGenerationFailed(OpenSSLErrors.drain())
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1,
              EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context, NID_X9_62_prime256v1) == 1,
              EVP_PKEY_keygen(context, &key) == 1, let key else {
            throw .keyGenerationFailed(OpenSSLErrors.drain())
        }
        return key
    }

    static func free(_ key: OpaquePointer) { EVP_PKEY_free(key) }

    static func privateKeyPEM(_ key: OpaquePointer) throws(CertificateError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw .keyGenerationFailed("out of memory") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil) == 1 else {
            throw .keyGenerationFailed(OpenSSLErrors.drain())
        }
        return PEM.string(of: bio)
    }

    static func loadAuthority(certificatePEM: String, privateKeyPEM: String) throws(CertificateError) -> Authority {
        let certificates: [OpaquePointer]
        do { certificates = try PEM.certificates(certificatePEM, what: "certificatePEM") } catch {
            throw .invalidAuthority(error.description)
        }
        guard let certificate = certificates.first else { throw .invalidAuthority("no certificate") }
        certificates.dropFirst().forEach { X509_free($0) }
        guard let key = PEM.privateKey(privateKeyPEM) else {
            X509_free(certificate)
            throw .invalidAuthority("privateKeyPEM is not a PEM private key: \(OpenSSLErrors.drain())")
        }
        guard X509_check_private_key(certificate, key) == 1 else {
            X509_free(certificate)
            EVP_PKEY_free(key)
            throw .invalidAuthority("the private key does not match the certificate")
        }
        return Authority(certificate: certificate, key: key)
    }

    /// A signed certificate in PEM for `key`'s public half. `issuer` nil means self-signed.
    /// `subject` entries are (short name, value), e.g. ("CN", "admin").
    static func build(subject: [(String, String)], key: OpaquePointer, issuer: Authority?,
                      extensions: [(Int32, String)]) throws(CertificateError) -> String {
        guard let certificate = X509_new() else { throw .signingFailed("out of memory") }
        defer { X509_free(certificate) }
        guard X509_set_version(certificate, 2) == 1,
              setRandomSerial(certificate),
              X509_gmtime_adj(X509_getm_notBefore(certificate), -300) != nil,
              X509_gmtime_adj(X509_getm_notAfter(certificate), CertificateAuthority.validitySeconds) != nil,
              X509_set_pubkey(certificate, key) == 1 else {
            throw .signingFailed(OpenSSLErrors.drain())
        }
        guard let name = X509_NAME_new() else { throw .signingFailed("out of memory") }
        defer { X509_NAME_free(name) }
        for (field, value) in subject where !value.isEmpty {
            let bytes = Array(value.utf8)
            guard X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, bytes, Int32(bytes.count), -1, 0) == 1 else {
                throw .signingFailed("subject \(field)=\"\(value)\": \(OpenSSLErrors.drain())")
            }
        }
        guard X509_set_subject_name(certificate, name) == 1,
              X509_set_issuer_name(certificate, issuer.map { X509_get_subject_name($0.certificate) } ?? name) == 1 else {
            throw .signingFailed(OpenSSLErrors.drain())
        }
        let allExtensions = extensions + [(NID_subject_key_identifier, "hash"), (NID_authority_key_identifier, "keyid:always")]
        for (nid, value) in allExtensions {
            try addExtension(certificate, issuer: issuer?.certificate ?? certificate, nid: nid, value: value)
        }
        guard X509_sign(certificate, issuer?.key ?? key, EVP_sha256()) > 0 else {
            throw .signingFailed(OpenSSLErrors.drain())
        }
        guard let bio = BIO_new(BIO_s_mem()) else { throw .signingFailed("out of memory") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_X509(bio, certificate) == 1 else { throw .signingFailed(OpenSSLErrors.drain()) }
        return PEM.string(of: bio)
    }

    private static func addExtension(_ certificate: OpaquePointer, issuer: OpaquePointer, nid: Int32, value: String) throws(CertificateError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer, certificate, nil, nil, 0)
        guard let ext = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
            throw .signingFailed("extension \(String(cString: OBJ_nid2sn(nid))) \"\(value)\": \(OpenSSLErrors.drain())")
        }
        defer { X509_EXTENSION_free(ext) }
        guard X509_add_ext(certificate, ext, -1) == 1 else { throw .signingFailed(OpenSSLErrors.drain()) }
    }

    /// RFC 5280: serials are positive and unique; 127 random bits are both.
    private static func setRandomSerial(_ certificate: OpaquePointer) -> Bool {
        guard let number = BN_new() else { return false }
        defer { BN_free(number) }
        return BN_rand(number, 127, -1, 0) == 1 && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nil
    }
}
