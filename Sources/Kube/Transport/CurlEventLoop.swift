import CCurl
import Foundation
import Synchronization

/// curl_global_init must run once before any other libcurl call and before threads use it.
private let curlGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

/// One thread that owns a curl multi handle and every easy handle, bridged to async/await.
/// Other threads talk to it only through the command queue and `curl_multi_wakeup`.
final class CurlEventLoop: Sendable {
    private enum Command {
        case add(CurlTransfer)
        case cancel(CurlTransfer)
        case unpause(CurlTransfer)
    }

    private struct MultiHandle: @unchecked Sendable { let raw: UnsafeMutableRawPointer }

    private let multi: MultiHandle
    private let commands = Mutex<(queue: [Command], stopped: Bool)>(([], false))

    init() throws(KubeError) {
        guard curlGlobalInit == CURLE_OK else { throw .transport(host: "", reason: "libcurl initialisation failed") }
        guard let m = curl_multi_init() else { throw .transport(host: "", reason: "curl_multi_init failed") }
        multi = MultiHandle(raw: m)
        _ = ccurl_multi_setopt_long(m, CURLMOPT_PIPELINING, 2 /* CURLPIPE_MULTIPLEX */)
        let thread = Thread { [self] in run() }
        thread.name = "kube-curl-loop"
        thread.start()
    }

    /// Performs a buffered request.
    func perform(_ request: TransportRequest) async -> Result<TransportResponse, TransportError> {
        let box = Mutex<CurlTransfer?>(nil)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { c in
                let t = CurlTransfer(request: request, delivery: .buffered(c))
                box.withLock { $0 = t }
                if Task.isCancelled { _ = t.markCancelled() }
                submit(.add(t))
            }
        } onCancel: {
            if let t = box.withLock({ $0 }), t.markCancelled() { submit(.cancel(t)) }
        }
    }

    /// Starts a streaming request; returns once the response head has arrived.
    func stream(_ request: TransportRequest, body: BodyStream) async -> Result<TransportHead, TransportError> {
        let box = Mutex<CurlTransfer?>(nil)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { c in
                let t = CurlTransfer(request: request, delivery: .streaming(c, body))
                box.withLock { $0 = t }
                body.bind(
                    resume: { [weak self, weak t] in if let self, let t { self.submit(.unpause(t)) } },
                    cancel: { [weak self, weak t] in if let self, let t, t.markCancelled() { self.submit(.cancel(t)) } })
                if Task.isCancelled { _ = t.markCancelled() }
                submit(.add(t))
            }
        } onCancel: {
            if let t = box.withLock({ $0 }), t.markCancelled() { submit(.cancel(t)) }
        }
    }

    /// Stops the loop; transfers still running end with `.cancelled`.
    func shutdown() {
        commands.withLock { $0.stopped = true }
        curl_multi_wakeup(multi.raw)
    }

    private func submit(_ command: Command) {
        let stopped = commands.withLock { s in
            if !s.stopped { s.queue.append(command) }
            return s.stopped
        }
        if stopped {
            if case .add(let t) = command { t.finish(.cancelled) }
            return
        }
        curl_multi_wakeup(multi.raw)
    }

    // MARK: Loop thread

    private func run() {
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        var running: Int32 = 0
        while true {
            let (batch, stopped) = commands.withLock { s in
                let b = s.queue
                s.queue.removeAll(keepingCapacity: true)
                return (b, s.stopped)
            }
            if stopped { break }
            for command in batch {
                switch command {
                case .add(let t):
                    if t.isCancelled {
                        t.finish(.cancelled)
                    } else if let easy = CurlEasyConfigurator.makeHandle(for: t) {
                        active[easy] = t
                        curl_multi_add_handle(multi.raw, easy)
                    }
                case .cancel(let t):
                    if let easy = t.easy, active.removeValue(forKey: easy) != nil {
                        remove(t, from: multi.raw)
                    }
                    t.finish(.cancelled)
                case .unpause(let t):
                    if let easy = t.easy, active[easy] != nil {
                        curl_easy_pause(easy, 0 /* CURLPAUSE_CONT */)
                    }
                }
            }
            curl_multi_perform(multi.raw, &running)
            var remaining: Int32 = 0
            while let msg = curl_multi_info_read(multi.raw, &remaining) {
                guard msg.pointee.msg == CURLMSG_DONE, let easy = msg.pointee.easy_handle,
                      let t = active.removeValue(forKey: easy) else { continue }
                let code = msg.pointee.data.result
                remove(t, from: multi.raw)
                t.finish(code == CURLE_OK ? nil : Self.error(for: code, transfer: t))
            }
            curl_multi_poll(multi.raw, nil, 0, 1000, nil)
        }
        for t in active.values {
            remove(t, from: multi.raw)
            t.finish(.cancelled)
        }
        let leftover = commands.withLock { s in
            let b = s.queue
            s.queue.removeAll()
            return b
        }
        for case .add(let t) in leftover { t.finish(.cancelled) }
        curl_multi_cleanup(multi.raw)
    }

    private func remove(_ t: CurlTransfer, from multi: UnsafeMutableRawPointer) {
        guard let easy = t.easy else { return }
        curl_multi_remove_handle(multi, easy)
        curl_easy_cleanup(easy)
        t.easy = nil
        t.freeLists()
        Unmanaged.passUnretained(t).release()
    }

    static func error(for code: CURLcode, transfer t: CurlTransfer) -> TransportError {
        let retryable = [CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING,
                         CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_COULDNT_RESOLVE_HOST].contains(code)
        return TransportError(error: kubeError(for: code, transfer: t), retryable: retryable)
    }

    static func kubeError(for code: CURLcode, transfer t: CurlTransfer) -> KubeError {
        let origin = t.request.origin
        let text = t.errorText(code)
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout("\(t.request.method) \(origin)\(t.request.url.path): \(text)")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CONNECT_ERROR,
             CURLE_SSL_CERTPROBLEM, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .transport(host: origin, reason: "TLS verification of \(origin) failed: \(Self.tlsReason(text)) (curl: \(text))")
        default:
            return .transport(host: origin, reason: "\(t.request.method) \(origin)\(t.request.url.path) failed: \(text)")
        }
    }

    /// Go-style wording for the common verification failures, so messages match kubectl's.
    private static func tlsReason(_ text: String) -> String {
        let l = text.lowercased()
        if l.contains("unable to get local issuer") || l.contains("self-signed") || l.contains("self signed") {
            return "certificate signed by unknown authority"
        }
        if l.contains("no alternative certificate subject name") || l.contains("does not match") {
            return "certificate is not valid for this host name"
        }
        if l.contains("expired") { return "certificate has expired or is not yet valid" }
        return "TLS handshake failed"
    }
}
