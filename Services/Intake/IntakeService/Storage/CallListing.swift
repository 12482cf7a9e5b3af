import FenliuModel
import Foundation
import Postgres
import ServiceSupport

/// `ListCalls` filters and the keyset query behind them.
struct CallListing: Sendable {
    /// Only calls on this line.
    var channel: Channel?
    /// Only calls in this area.
    var district: District?
    /// Only calls received at or after this time.
    var receivedFrom: Date?
    /// Only calls received before this time.
    var receivedTo: Date?
    /// Searched, case-insensitively, in the description and the address.
    var text: String = ""
    /// Only calls received on this Open311 service code (the Open311 front door filters by it).
    var open311ServiceCode: String?
    /// Calls per page.
    var limit: Int
    /// The channels the caller may see; `nil`: all (a supervisor, or keys off).
    var visibleChannels: Set<Channel>?

    /// The fingerprint a page token carries, so it is only accepted with the same filters.
    var fingerprint: String {
        PageToken.fingerprint([
            channel?.code ?? "", district?.code ?? "", receivedFrom.map(\.postgresMicroseconds) ?? "",
            receivedTo.map(\.postgresMicroseconds) ?? "", text, open311ServiceCode ?? "",
            visibleChannels.map { $0.map(\.code).sorted().joined(separator: ",") } ?? "*",
        ])
    }

    /// The keyset position a `pageToken` names for these filters, `nil` for the first page.
    func position(of token: String) throws -> PageToken? {
        let position = try PageToken.decode(token, filters: fingerprint, kinds: [.time, .text])
        if let position, UUID(uuidString: position.text(1)) == nil {
            throw IntakeError.invalidFields([FieldViolation(field: "pageToken", description: "is not a page token this listing issued")])
        }
        return position
    }

    /// One page, newest first (`received_at` DESC, `id` DESC), after `token` when given; fetches one
    /// extra row to know whether another page follows.
    func page(after token: PageToken?, cipher: PersonalDataCipher, on connection: PostgresConnection) throws -> (calls: [CallRecord], next: PageToken?) {
        let pattern = text.isEmpty ? nil : "%" + Self.escapeLike(text) + "%"
        let afterReceived = token?.time(0)
        let afterID = token.flatMap { UUID(uuidString: $0.text(1)) }
        let visible = visibleChannels.map { "{" + $0.map(\.code).sorted().joined(separator: ",") + "}" }
        let rows = try connection.query(
            """
            SELECT \(unescaped: CallRow.columns) FROM calls
            WHERE (\(channel?.code)::text IS NULL OR channel = \(channel?.code))
              AND (\(visible)::text[] IS NULL OR channel = ANY(\(visible)::text[]))
              AND (\(district?.code)::text IS NULL OR district = \(district?.code))
              AND (\(receivedFrom)::timestamptz IS NULL OR received_at >= \(receivedFrom))
              AND (\(receivedTo)::timestamptz IS NULL OR received_at < \(receivedTo))
              AND (\(pattern)::text IS NULL OR description ILIKE \(pattern) OR address ILIKE \(pattern))
              AND (\(open311ServiceCode)::text IS NULL OR open311_service_code = \(open311ServiceCode))
              AND (\(afterReceived)::timestamptz IS NULL OR (received_at, id) < (\(afterReceived)::timestamptz, \(afterID)::uuid))
            ORDER BY received_at DESC, id DESC
            LIMIT \(limit + 1)
            """)
        var calls = try rows.map { try CallRow.record($0, cipher: cipher) }
        guard calls.count > limit else { return (calls, nil) }
        calls.removeLast()
        let last = calls[calls.count - 1]
        return (calls, PageToken(position: [.time(last.submission.receivedAt), .text(last.id.uuidString)], filters: fingerprint))
    }

    /// Escapes LIKE's wildcards so a search for "100%" finds "100%", not everything.
    static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
