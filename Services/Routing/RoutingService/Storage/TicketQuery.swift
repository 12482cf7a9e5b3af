import FenliuModel
import Foundation
import Postgres

/// A queue or search over tickets (`ListTickets`): every filter optional, ordered by priority then
/// age, paged by keyset so a page never repeats or skips a ticket while new ones arrive.
struct TicketQuery: Sendable {
    var callID = ""
    var departmentID = ""
    var destination: Destination?
    var state: TicketState?
    var priority: TicketPriority?
    var after: QueueKey?
    var limit = 50

    /// One page, and whether more follow.
    func page(on connection: PostgresConnection) throws -> (tickets: [TicketRecord], hasMore: Bool) {
        let afterPriority = after?.priority.rawValue ?? 0
        let afterCreated = after?.createdAt ?? Date(timeIntervalSince1970: 0)
        let afterID = after?.id ?? ""
        let rows = try connection.query("""
            \(unescaped: TicketStore.selection)
            WHERE (\(callID) = '' OR t.id IN (SELECT ticket_id FROM ticket_calls WHERE call_id = \(callID)))
              AND (\(departmentID) = '' OR t.department_id = \(departmentID))
              AND (\(destination?.code ?? "") = '' OR t.destination = \(destination?.code ?? ""))
              AND (\(state?.rawValue ?? "") = '' OR t.status = \(state?.rawValue ?? ""))
              AND (\(priority?.rawValue ?? 0) = 0 OR t.priority = \(priority?.rawValue ?? 0))
              AND (\(after == nil) OR (t.priority, t.created_at, t.id) > (\(afterPriority), \(afterCreated)::timestamptz, \(afterID)))
            ORDER BY t.priority, t.created_at, t.id
            LIMIT \(limit + 1)
            """)
        let records = try rows.map(TicketStore.record(from:))
        let page = Array(records.prefix(limit))
        return (try TicketStore.withHistory(page, on: connection), records.count > limit)
    }

    /// The token that continues after `key`.
    static func token(after key: QueueKey) -> RoutingPageToken {
        RoutingPageToken(parts: [String(key.priority.rawValue), key.createdAt.postgresText, key.id])
    }

    /// The key a token continues after.
    static func key(from token: RoutingPageToken) throws -> QueueKey {
        guard let raw = Int(token.parts[0]), let priority = TicketPriority(rawValue: raw), let created = Date(postgresText: token.parts[1]) else {
            throw RoutingError.invalidField("pageToken", "is not a page token from this service")
        }
        return QueueKey(priority: priority, createdAt: created, id: token.parts[2])
    }
}
