import Foundation
import Postgres
import ServiceSupport

/// The opaque `pageToken` of `ListCalls`: where the previous page ended in the order
/// (`received_at` DESC, `id` DESC), plus a fingerprint of the filters, so a token is refused when
/// reused with other filters instead of silently skipping or repeating calls.
struct CallPageToken: Equatable, Sendable {
    /// `received_at` of the last call on the previous page, as PostgreSQL wrote it.
    var receivedAt: String
    /// The id of that call.
    var id: UUID
    /// A fingerprint of the filters the token belongs to.
    var filters: String

    /// The token as the client sees it: unpadded base64url.
    var encoded: String {
        PageToken.encode("v1\n\(receivedAt)\n\(id.uuidString.lowercased())\n\(filters)")
    }

    /// Creates a token.
    init(receivedAt: String, id: UUID, filters: String) {
        self.receivedAt = receivedAt
        self.id = id
        self.filters = filters
    }

    /// Reads a token a client sent back, or `nil` when it is not one of ours.
    init?(encoded: String) {
        guard encoded.count <= 512, let text = PageToken.decode(encoded) else { return nil }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "v1", Date(postgresText: parts[1]) != nil, let id = UUID(uuidString: parts[2]) else { return nil }
        self.init(receivedAt: parts[1], id: id, filters: parts[3])
    }

    /// A short, stable fingerprint of filter values (FNV-1a, 64 bit): it only has to tell filter
    /// sets apart, not resist an attacker, who gains nothing by forging it.
    static func fingerprint(_ values: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in values.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
