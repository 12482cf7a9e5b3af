import Foundation
import RPC

/// Opaque page tokens for keyset pagination over `(timestamp, id)`.
///
/// Keyset rather than offset pagination keeps pages stable while rows are added: a page never
/// repeats or skips a row. The token is base64url of `<microseconds>|<id>`; clients must treat it
/// as opaque.
public enum PageToken {
    /// The token that continues after the row at `date`, `id`.
    public static func encode(_ date: Date, _ id: String) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        return Data("\(micros)|\(id)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The position a token names; `nil` for the empty token (first page). A token that is not one
    /// of ours is `invalid_argument` on `pageToken`.
    public static func decode(_ token: String) throws -> (Date, String)? {
        guard !token.isEmpty else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              let bar = text.firstIndex(of: "|"), let micros = Int64(text[..<bar])
        else {
            throw ConnectError.invalidArgument(field: "pageToken", "is not a token this service issued")
        }
        return (Date(timeIntervalSince1970: Double(micros) / 1_000_000), String(text[text.index(after: bar)...]))
    }
}
