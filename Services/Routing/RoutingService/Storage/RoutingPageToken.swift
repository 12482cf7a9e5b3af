import Foundation
import ServiceSupport

/// An opaque keyset-pagination token: the sort key of the last item of a page, base64url-encoded
/// so clients treat it as a string and never build one themselves.
struct RoutingPageToken: Sendable, Equatable {
    /// The parts of the last item's sort key, e.g. priority, creation time, id.
    var parts: [String]

    /// Encodes the token.
    var encoded: String {
        PageToken.encode(parts.joined(separator: "\u{1F}"))
    }

    /// Creates a token from sort-key parts.
    init(parts: [String]) {
        self.parts = parts
    }

    /// Decodes a token with `count` parts; an empty string is the first page (`nil`). Throws for a
    /// token this service did not make.
    static func decode(_ text: String, parts count: Int, field: String) throws -> RoutingPageToken? {
        guard !text.isEmpty else { return nil }
        guard let decoded = PageToken.decode(text) else {
            throw RoutingError.invalidField(field, "is not a page token from this service")
        }
        let parts = decoded.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == count else { throw RoutingError.invalidField(field, "is not a page token from this service") }
        return RoutingPageToken(parts: parts)
    }

    /// The page size to use: `requested`, or `standard` when 0, capped at `maximum`.
    static func pageSize(_ requested: Int32, standard: Int = 50, maximum: Int = 500, field: String) throws -> Int {
        guard requested >= 0 else { throw RoutingError.invalidField(field, "must not be negative") }
        return requested == 0 ? standard : min(Int(requested), maximum)
    }
}
