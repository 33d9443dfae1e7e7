import CCurl
import Foundation
import Synchronization

/// One request in flight. The easy handle and the response fields are touched only
/// on the event-loop thread; what other threads see lives behind `shared`.
final class CurlTransfer: @unchecked Sendable {
    enum Delivery {
        /// Buffer the whole body, then resume with the response.
        case buffered(CheckedContinuation<Result<TransportResponse, TransportError>, Never>)
        /// Resume with the head as soon as it is complete; the body flows into `stream`.
        case streaming(CheckedContinuation<Result<TransportHead, TransportError>, Never>, BodyStream)
    }

    private struct Shared {
        var delivery: Delivery?
        var cancelled = false
        var headDelivered = false
    }

    let request: TransportRequest
    private let shared: Mutex<Shared>
    let stream: BodyStream?

    // Loop-thread state.
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var connectTo: UnsafeMutablePointer<curl_slist>?
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    var status = 0
    var httpVersion = ""
    var headers: [String: String] = [:]
    var body = Data()

    init(request: TransportRequest, delivery: Delivery) {
        self.request = request
        if case .streaming(_, let s) = delivery { stream = s } else { stream = nil }
        shared = Mutex(Shared(delivery: delivery))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        errorBuffer.deallocate()
    }

    /// Frees the curl lists once the handle is gone.
    func freeLists() {
        if let l = headerList { curl_slist_free_all(l) }
        if let l = connectTo { curl_slist_free_all(l) }
        headerList = nil
        connectTo = nil
    }

    func finish(_ error: KubeError) { finish(TransportError(error: error, retryable: false)) }

    var isCancelled: Bool { shared.withLock { $0.cancelled } }

    /// Marks the transfer cancelled; returns false if it had already finished.
    func markCancelled() -> Bool {
        shared.withLock { s in
            s.cancelled = true
            return s.delivery != nil
        }
    }

    /// Called at the blank line ending the headers of a final (non-1xx) response.
    func headComplete() {
        let cont: CheckedContinuation<Result<TransportHead, TransportError>, Never>? = shared.withLock { s in
            guard case .streaming(let c, _) = s.delivery, !s.headDelivered else { return nil }
            s.headDelivered = true
            return c
        }
        cont?.resume(returning: .success(TransportHead(status: status, httpVersion: httpVersion, headers: headers)))
    }

    /// Ends the transfer exactly once, with the buffered response or an error.
    func finish(_ error: TransportError?) {
        let (delivery, headDelivered) = shared.withLock { s in
            let d = s.delivery
            s.delivery = nil
            return (d, s.headDelivered)
        }
        switch delivery {
        case .buffered(let c)?:
            if let error {
                c.resume(returning: .failure(error))
            } else {
                c.resume(returning: .success(TransportResponse(head: TransportHead(status: status, httpVersion: httpVersion, headers: headers), body: body)))
            }
        case .streaming(let c, let s)?:
            if !headDelivered {
                if let error {
                    c.resume(returning: .failure(error))
                } else {
                    c.resume(returning: .success(TransportHead(status: status, httpVersion: httpVersion, headers: headers)))
                }
            }
            s.finish(error?.error)
        case nil:
            break
        }
    }

    /// curl's detailed message for the failure, else the generic one for `code`.
    func errorText(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    // MARK: Callbacks (loop thread)

    func receiveHeaderLine(_ p: UnsafeMutablePointer<CChar>, _ n: Int) {
        let raw = UnsafeRawBufferPointer(start: p, count: n)
        if n >= 5, raw[0] == UInt8(ascii: "H"), raw[1] == UInt8(ascii: "T"), raw[2] == UInt8(ascii: "T"), raw[3] == UInt8(ascii: "P"), raw[4] == UInt8(ascii: "/") {
            // A new status line: 1xx interim responses and redirects restart the header set.
            let line = String(decoding: raw, as: UTF8.self)
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
            httpVersion = parts.first.map { String($0.dropFirst(5)) } ?? ""
            headers = [:]
            return
        }
        if n <= 2, raw.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) {
            if status >= 200 { headComplete() }
            return
        }
        guard let colon = raw.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: raw[..<colon], as: UTF8.self).lowercased()
        let value = String(decoding: raw[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        headers[name] = value
    }

    /// Returns false when the consumer lags and the transfer must pause.
    func receiveBody(_ p: UnsafeMutablePointer<CChar>, _ n: Int) -> Bool {
        if let stream {
            return stream.offer(UnsafeRawBufferPointer(start: p, count: n))
        }
        body.append(UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: n)
        return true
    }
}
