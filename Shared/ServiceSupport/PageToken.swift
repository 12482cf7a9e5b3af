import Foundation
import RPC

/// Opaque page tokens for keyset pagination.
///
/// Keyset rather than offset pagination keeps pages stable while rows are added: a page never
/// repeats or skips a row. A token is unpadded base64url of text the service chose; clients must
/// treat it as opaque. Services wrap `encode(_:)`/`decode(_:)` with their own sort keys.
public enum PageToken {
    /// `text` as an unpadded base64url token.
    public static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The text of a token, or `nil` when it is not unpadded base64url of UTF-8 (or over 1 KiB).
    public static func decode(_ token: String) -> String? {
        guard token.utf8.count <= 1024 else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// The token that continues after the row at `date`, `id` (for `(timestamp, id)` orders).
    public static func encode(_ date: Date, _ id: String) -> String {
        encode("\(Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))|\(id)")
    }

    /// The `(timestamp, id)` position a token names; `nil` for the empty token (first page). A token
    /// that is not one of ours is `invalid_argument` on `pageToken`.
    public static func position(_ token: String) throws -> (Date, String)? {
        guard !token.isEmpty else { return nil }
        guard let text = decode(token), let bar = text.firstIndex(of: "|"), let micros = Int64(text[..<bar]) else {
            throw ConnectError.invalidArgument(field: "pageToken", "is not a token this service issued")
        }
        return (Date(timeIntervalSince1970: Double(micros) / 1_000_000), String(text[text.index(after: bar)...]))
    }
}
