import FenliuModel
import Foundation
import Postgres
import ServiceSupport

/// A queue or search over tickets (`ListTickets`): every filter optional, ordered by priority then
/// age, paged by keyset so a page never repeats or skips a ticket while new ones arrive.
struct TicketQuery: Sendable {
    var callID = ""
    var callIDs: [String] = []
    var departmentID = ""
    var destination: Destination?
    var state: TicketState?
    var priority: TicketPriority?
    var after: QueueKey?
    var limit = 50
    /// What the caller may see: its departments' tickets and its channels' (README, "Keys and scopes").
    var visibility = Visibility.current

    /// The fingerprint a page token carries, so it is only accepted with the same filters.
    var fingerprint: String {
        PageToken.fingerprint([
            callID, callIDs.joined(separator: ","), departmentID, destination?.code ?? "", state?.rawValue ?? "",
            priority.map { String($0.rawValue) } ?? "", visibility.fingerprint,
        ])
    }

    /// One page, and whether more follow.
    func page(on connection: PostgresConnection) throws -> (tickets: [TicketRecord], hasMore: Bool) {
        let afterPriority = after?.priority.rawValue ?? 0
        let afterCreated = after?.createdAt ?? Date(timeIntervalSince1970: 0)
        let afterID = after?.id ?? ""
        let rows = try connection.query(
            """
            \(unescaped: TicketRow.selection)
            WHERE (\(callID) = '' OR t.id IN (SELECT ticket_id FROM ticket_calls WHERE call_id = \(callID)))
              AND (\(callIDs.isEmpty) OR t.id IN (SELECT ticket_id FROM ticket_calls WHERE call_id = ANY(\(TicketRow.textArray(callIDs))::text[])))
              AND (\(departmentID) = '' OR t.department_id = \(departmentID))
              AND (\(destination?.code ?? "") = '' OR t.destination = \(destination?.code ?? ""))
              AND (\(state?.rawValue ?? "") = '' OR t.status = \(state?.rawValue ?? ""))
              AND (\(priority?.rawValue ?? 0) = 0 OR t.priority = \(priority?.rawValue ?? 0))
              AND (\(visibility.isUnrestricted) OR t.department_id = ANY(\(visibility.departmentArray)::text[])
                   OR t.channel = ANY(\(visibility.channelArray)::text[]))
              AND (\(after == nil) OR (t.priority, t.created_at, t.id) > (\(afterPriority), \(afterCreated)::timestamptz, \(afterID)))
            ORDER BY t.priority, t.created_at, t.id
            LIMIT \(limit + 1)
            """)
        let records = try rows.map(TicketRow.record)
        let page = Array(records.prefix(limit))
        return (try TicketStore.withHistory(page, on: connection), records.count > limit)
    }

    /// The token that continues after `key`.
    func token(after key: QueueKey) -> PageToken {
        PageToken(position: [.integer(Int64(key.priority.rawValue)), .time(key.createdAt), .text(key.id)], filters: fingerprint)
    }

    /// The key a client's token continues after, `nil` for the first page.
    func key(from token: String) throws -> QueueKey? {
        guard let position = try PageToken.decode(token, filters: fingerprint, kinds: [.integer, .time, .text]) else { return nil }
        guard let raw = Int(exactly: position.integer(0)), let priority = TicketPriority(rawValue: raw) else {
            throw RoutingError.invalidField("pageToken", "is not a page token this listing issued")
        }
        return QueueKey(priority: priority, createdAt: position.time(1), id: position.text(2))
    }
}
