import FenliuModel
import Foundation
import RPC

/// The one page token of every List method: where the previous page ended in the listing's order
/// (keyset pagination), bound to the filters it was issued for.
///
/// Keyset rather than offset pagination keeps pages stable while rows are added: a page never
/// repeats or skips a row. The token is unpadded base64url of a small text the client must treat as
/// opaque. Decoding checks everything a client could have changed: the version, the filters'
/// fingerprint (a token reused with other filters would silently skip or repeat rows), the number
/// and kinds of the key's parts, and that every time is a plausible one — a token is input, and
/// nothing taken from input may trap.
public struct PageToken: Sendable, Equatable {
    /// One part of a sort key.
    public enum Value: Sendable, Equatable {
        /// A string (an id).
        case text(String)
        /// A whole number (a priority, a sequence).
        case integer(Int64)
        /// A time, kept to PostgreSQL's microsecond.
        case time(Date)
    }

    /// The kind of each part a listing expects.
    public enum Kind: Sendable {
        case text
        case integer
        case time
    }

    /// The sort key of the last row of the previous page.
    public var position: [Value]
    /// The fingerprint of the filters the token belongs to.
    public var filters: String

    /// Times outside these years are no position of ours (and could overflow on the way to SQL).
    static let earliest = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
    static let latest = Date(timeIntervalSince1970: 32_503_680_000)  // 3000-01-01

    /// Creates a token for the row at `position`, under `filters` (see `fingerprint(_:)`).
    public init(position: [Value], filters: String = "") {
        self.position = position
        self.filters = filters
    }

    /// The token as the client sees it.
    public var encoded: String {
        let parts = position.map { value -> String in
            switch value {
            case .text(let text): "s" + text
            case .integer(let number): "i" + String(number)
            case .time(let date): "t" + String(Self.microseconds(date))
            }
        }
        let text = (["p1", filters] + parts).joined(separator: "\u{1F}")
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The position `token` names for a listing with `filters` and a key of `kinds`; `nil` for the
    /// empty token (the first page). Anything else is `invalid_argument` on `field`.
    public static func decode(_ token: String, filters: String = "", kinds: [Kind], field: String = "pageToken") throws -> PageToken? {
        guard !token.isEmpty else { return nil }
        // A token that is no token at all is told so; one that is, but was issued for other filters
        // (or another listing), is told that — the usual slip of a client changing a filter mid-walk.
        let refusal = ConnectError.invalidArgument(field: field, "is not a page token this listing issued with these filters")
        let garbage = ConnectError.invalidArgument(field: field, "is not a page token: pass back nextPageToken as it came")
        guard token.utf8.count <= 2048, let text = decodeBase64URL(token) else { throw garbage }
        let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.first == "p1", parts.count >= 2 else { throw garbage }
        guard parts.count == kinds.count + 2, parts[1] == filters else { throw refusal }
        var position = [Value]()
        for (part, kind) in zip(parts.dropFirst(2), kinds) {
            guard let tag = part.first else { throw refusal }
            let body = String(part.dropFirst())
            switch (tag, kind) {
            case ("s", .text):
                position.append(.text(body))
            case ("i", .integer):
                guard let number = Int64(body) else { throw refusal }
                position.append(.integer(number))
            case ("t", .time):
                guard let micros = Int64(body) else { throw refusal }
                let date = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
                guard date >= earliest, date < latest else { throw refusal }
                position.append(.time(date))
            default:
                throw refusal
            }
        }
        return PageToken(position: position, filters: filters)
    }

    /// The text part at `index` (the caller decoded with `.text` there).
    public func text(_ index: Int) -> String {
        if case .text(let text) = position[index] { return text }
        return ""
    }

    /// The integer part at `index` (the caller decoded with `.integer` there).
    public func integer(_ index: Int) -> Int64 {
        if case .integer(let number) = position[index] { return number }
        return 0
    }

    /// The time part at `index` (the caller decoded with `.time` there).
    public func time(_ index: Int) -> Date {
        if case .time(let date) = position[index] { return date }
        return Self.earliest
    }

    /// A short, stable fingerprint of filter values (FNV-1a, 64 bit): it only has to tell filter
    /// sets apart, not resist an attacker, who gains nothing by forging it.
    public static func fingerprint(_ values: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in values.joined(separator: "\u{1F}").utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    static func microseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1_000_000).rounded()
        return Int64(exactly: value) ?? 0
    }

    private static func decodeBase64URL(_ token: String) -> String? {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}

/// The one page-size rule of every List method: 0 means the listing's default, a negative size is
/// `invalid_argument`, and anything above the listing's maximum gets the maximum.
public enum PageSize {
    /// The number of rows to return for `requested`.
    public static func resolve(_ requested: Int32, default standard: Int, maximum: Int, field: String = "pageSize") throws -> Int {
        if let violation = violation(requested, field: field) { throw ConnectError.invalidArgument([violation]) }
        return requested == 0 ? standard : min(Int(requested), maximum)
    }

    /// What is wrong with `requested`, for listings that report every bad field at once.
    public static func violation(_ requested: Int32, field: String = "pageSize") -> FieldViolation? {
        requested < 0 ? FieldViolation(field: field, description: "must not be negative") : nil
    }
}
