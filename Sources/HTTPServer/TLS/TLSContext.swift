import COpenSSL

/// A configured OpenSSL server context. Immutable once built, which OpenSSL documents as safe
/// to share between threads creating connections; that is why it is `@unchecked Sendable`.
final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer
    let verifiesClients: Bool

    init(_ configuration: TLSConfiguration) throws(HTTPServerError) {
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw .tlsConfiguration("cannot create an OpenSSL context: \(OpenSSLErrors.drain())")
        }
        self.context = context
        verifiesClients = configuration.clientCAPEM != nil
        _ = copenssl_ctx_set_min_proto(context, TLS1_2_VERSION)
        _ = copenssl_ctx_set_mode(context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS))
        try loadChain(configuration.certificateChainPEM)
        try loadKey(configuration.privateKeyPEM)
        if let clientCA = configuration.clientCAPEM { try loadClientCA(clientCA) }
        SSL_CTX_set_alpn_select_cb(context, { _, out, outLength, offered, offeredLength, _ in
            ALPN.select(out: out, outLength: outLength, offered: offered, offeredLength: offeredLength)
        }, nil)
    }

    deinit { SSL_CTX_free(context) }

    private func loadChain(_ pem: String) throws(HTTPServerError) {
        let certificates = try PEM.certificates(pem, what: "certificateChainPEM")
        guard let leaf = certificates.first else {
            throw .tlsConfiguration("certificateChainPEM holds no certificate; expected PEM blocks \"-----BEGIN CERTIFICATE-----\"")
        }
        defer { certificates.forEach { X509_free($0) } }
        guard SSL_CTX_use_certificate(context, leaf) == 1 else {
            throw .tlsConfiguration("the server certificate is not usable: \(OpenSSLErrors.drain())")
        }
        for intermediate in certificates.dropFirst() {
            // The context takes ownership of an extra chain certificate: hand it its own reference.
            X509_up_ref(intermediate)
            if SSL_CTX_ctrl(context, SSL_CTRL_EXTRA_CHAIN_CERT, 0, UnsafeMutableRawPointer(intermediate)) != 1 {
                X509_free(intermediate)
                throw .tlsConfiguration("an intermediate certificate is not usable: \(OpenSSLErrors.drain())")
            }
        }
    }

    private func loadKey(_ pem: String) throws(HTTPServerError) {
        guard let key = PEM.privateKey(pem) else {
            throw .tlsConfiguration("privateKeyPEM is not a PEM private key: \(OpenSSLErrors.drain())")
        }
        defer { EVP_PKEY_free(key) }
        guard SSL_CTX_use_PrivateKey(context, key) == 1, SSL_CTX_check_private_key(context) == 1 else {
            throw .tlsConfiguration("privateKeyPEM does not match the server certificate: \(OpenSSLErrors.drain())")
        }
    }

    private func loadClientCA(_ pem: String) throws(HTTPServerError) {
        let authorities = try PEM.certificates(pem, what: "clientCAPEM")
        defer { authorities.forEach { X509_free($0) } }
        guard !authorities.isEmpty, let store = SSL_CTX_get_cert_store(context) else {
            throw .tlsConfiguration("clientCAPEM holds no certificate")
        }
        for authority in authorities {
            guard X509_STORE_add_cert(store, authority) == 1, SSL_CTX_add_client_CA(context, authority) == 1 else {
                throw .tlsConfiguration("a client CA certificate is not usable: \(OpenSSLErrors.drain())")
            }
        }
        // Request, not require: a client without a certificate still connects; one with a bad
        // certificate fails the handshake.
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        // Session resumption with client verification needs a context id.
        let id: [UInt8] = Array("threat-monitor".utf8)
        _ = SSL_CTX_set_session_id_context(context, id, UInt32(id.count))
    }
}
