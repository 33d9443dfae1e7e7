import CCurl
import Foundation

/// Builds a configured easy handle for a transfer (on the loop thread).
enum CurlEasyConfigurator {
    static func makeHandle(for t: CurlTransfer) -> UnsafeMutableRawPointer? {
        guard let easy = curl_easy_init() else {
            t.finish(.transport(host: t.request.origin, reason: "curl_easy_init failed"))
            return nil
        }
        let r = t.request
        var url = r.url
        // tls-server-name: verify against another name, connect to the real host.
        if let name = r.tls.serverName, !name.isEmpty, let host = url.host,
           var comps = URLComponents(url: url, resolvingAgainstBaseURL: false) {
            let port = url.port ?? 443
            comps.host = name
            if let u = comps.url {
                url = u
                // An IPv6 address to connect to is written in brackets.
                let target = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                let list = curl_slist_append(nil, "\(name):\(port):\(target):\(port)")
                // Freed with the header list below: keep both alive for the transfer.
                t.connectTo = list
                _ = ccurl_setopt_ptr(easy, CURLOPT_CONNECT_TO, list)
            }
        }
        var ok = true
        func set(_ o: CURLoption, _ v: Int) { ok = ok && ccurl_setopt_long(easy, o, v) == CURLE_OK }
        func set(_ o: CURLoption, _ s: String) { ok = ok && s.withCString { ccurl_setopt_ptr(easy, o, $0) } == CURLE_OK }
        func setBlob(_ o: CURLoption, _ d: Data) {
            d.withUnsafeBytes { raw in
                var blob = curl_blob(data: UnsafeMutableRawPointer(mutating: raw.baseAddress), len: raw.count, flags: UInt32(CURL_BLOB_COPY))
                ok = ok && ccurl_setopt_ptr(easy, o, &blob) == CURLE_OK
            }
        }
        set(CURLOPT_URL, url.absoluteString)
        // Through an HTTPS proxy, the proxy's "200 Connection established" must not be
        // taken for the API server's status line.
        set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        set(CURLOPT_CONNECTTIMEOUT_MS, Int(r.connectTimeout.milliseconds))
        if let timeout = r.timeout { set(CURLOPT_TIMEOUT_MS, max(1, Int(timeout.milliseconds))) }
        set(CURLOPT_USERAGENT, r.userAgent)
        set(CURLOPT_ACCEPT_ENCODING, "")
        // Keep TCP connections healthy across long watches.
        set(CURLOPT_TCP_KEEPALIVE, 1)
        _ = ccurl_setopt_ptr(easy, CURLOPT_ERRORBUFFER, t.errorBuffer)
        if r.method == "GET" {
            set(CURLOPT_HTTPGET, 1)
        } else if r.method == "HEAD" {
            set(CURLOPT_NOBODY, 1)
        } else {
            set(CURLOPT_CUSTOMREQUEST, r.method)
        }
        if let body = r.body {
            ok = ok && ccurl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)) == CURLE_OK
            body.withUnsafeBytes { raw in
                ok = ok && ccurl_setopt_ptr(easy, CURLOPT_COPYPOSTFIELDS, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)) == CURLE_OK
            }
        }
        // TLS
        if r.tls.insecureSkipVerify {
            set(CURLOPT_SSL_VERIFYPEER, 0)
            set(CURLOPT_SSL_VERIFYHOST, 0)
        } else {
            set(CURLOPT_SSL_VERIFYPEER, 1)
            set(CURLOPT_SSL_VERIFYHOST, 2)
            if let ca = r.tls.caPEM {
                // Trust only the configured CA, as kubectl does, not the system bundle besides it.
                _ = ccurl_setopt_ptr(easy, CURLOPT_CAPATH, nil)
                _ = ccurl_setopt_ptr(easy, CURLOPT_CAINFO, nil)
                setBlob(CURLOPT_CAINFO_BLOB, ca)
            }
        }
        if let cert = r.tls.clientCertificatePEM, let key = r.tls.clientKeyPEM {
            set(CURLOPT_SSLCERTTYPE, "PEM")
            setBlob(CURLOPT_SSLCERT_BLOB, cert)
            set(CURLOPT_SSLKEYTYPE, "PEM")
            setBlob(CURLOPT_SSLKEY_BLOB, key)
        }
        var list: UnsafeMutablePointer<curl_slist>?
        // Disable curl's "Expect: 100-continue" round trip on large bodies.
        list = curl_slist_append(list, "Expect:")
        for (name, value) in r.headers { list = curl_slist_append(list, "\(name): \(value)") }
        t.headerList = list
        _ = ccurl_setopt_ptr(easy, CURLOPT_HTTPHEADER, list)

        // Callbacks get the transfer through an unretained pointer; the loop keeps one
        // retain for as long as the handle exists (released in remove).
        let me = Unmanaged.passRetained(t).toOpaque()
        _ = ccurl_setopt_ptr(easy, CURLOPT_PRIVATE, me)
        _ = ccurl_setopt_ptr(easy, CURLOPT_WRITEDATA, me)
        _ = ccurl_setopt_ptr(easy, CURLOPT_HEADERDATA, me)
        _ = ccurl_setopt_write(easy) { ptr, size, count, user in
            guard let ptr, let user else { return 0 }
            let t = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
            let n = size * count
            return t.receiveBody(ptr, n) ? n : 0x1000_0001 /* CURL_WRITEFUNC_PAUSE */
        }
        _ = ccurl_setopt_header(easy) { ptr, size, count, user in
            guard let ptr, let user else { return 0 }
            let t = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
            let n = size * count
            t.receiveHeaderLine(ptr, n)
            return n
        }
        t.easy = easy
        if !ok {
            t.finish(.transport(host: r.origin, reason: "libcurl rejected an option for \(r.method) \(r.url.absoluteString) (TLS material or URL invalid?)"))
            curl_easy_cleanup(easy)
            t.easy = nil
            t.freeLists()
            Unmanaged.passUnretained(t).release()
            return nil
        }
        return easy
    }
}
