import Foundation

/// What a handler's task asks its connection's thread to send.
enum ConnectionCommand: Sendable {
    /// A whole response with a known body.
    case respond(status: Int, headers: HTTPHeaders, body: Data)
    /// The head of a streaming response; chunks follow.
    case beginStream(status: Int, headers: HTTPHeaders)
    /// One chunk, flushed at once; the continuation resumes when it is written or failed.
    case chunk(Data, CheckedContinuation<Void, any Error>)
    /// The stream's end; `failed` aborts the connection instead of sending the last chunk.
    case endStream(failed: Bool)
}
