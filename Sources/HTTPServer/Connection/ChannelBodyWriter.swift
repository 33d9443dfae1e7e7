import Foundation

/// The `HTTPBodyWriter` a streaming handler receives.
struct ChannelBodyWriter: HTTPBodyWriter {
    let channel: ConnectionChannel

    func write(_ data: Data) async throws {
        // An empty chunk would end the chunked body: there is nothing to send.
        if data.isEmpty { return }
        try await channel.write(data)
    }
}
