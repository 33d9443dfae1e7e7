import Foundation

/// A fully buffered response.
struct TransportResponse: Sendable {
    var head: TransportHead
    var body: Data
}
