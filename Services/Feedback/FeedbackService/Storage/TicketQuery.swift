import FenliuModel
import Foundation
import Postgres
import ServiceSupport

/// `ListTickets`: every filter optional, oldest first by (`created_at`, `id`), keyset pages.
struct TicketQuery: Sendable {
    var departmentID = ""
    var state: TicketState?
    var overdueAt: Date?
    var dueBefore: Date?
    var incidentIDs: [String] = []
    var origin: Channel?
    var limit = 50
    /// What the caller may see: its departments' tickets and its channels' (README, "Keys and scopes").
    var visibility = Visibility.current

    /// The fingerprint a page token carries, so it is only accepted with the same filters.
    var fingerprint: String {
        PageToken.fingerprint([
            departmentID, state?.rawValue ?? "", overdueAt == nil ? "" : "overdue", dueBefore.map { "\($0.timeIntervalSince1970)" } ?? "",
            incidentIDs.joined(separator: ","), origin?.code ?? "", visibility.fingerprint,
        ])
    }

    /// One page after `after`, and whether more follow.
    func page(after: PageToken?, on connection: PostgresConnection) throws -> (tickets: [FeedbackTicket], more: Bool) {
        let incidents = "{" + incidentIDs.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }.joined(separator: ",") + "}"
        let rows = try connection.query(
            """
            SELECT * FROM tickets t
            WHERE (\(departmentID) = '' OR t.department_id = \(departmentID))
              AND (\(state?.rawValue)::text IS NULL OR t.state = \(state?.rawValue))
              AND (\(overdueAt)::timestamptz IS NULL OR EXISTS (
                  SELECT 1 FROM clocks c WHERE c.ticket_id = t.id AND c.stopped_at IS NULL AND c.due_at <= \(overdueAt)))
              AND (\(dueBefore)::timestamptz IS NULL OR t.resolve_due_at < \(dueBefore))
              AND (\(incidentIDs.isEmpty) OR t.incident_id = ANY(\(incidents)::text[]))
              AND (\(origin?.code)::text IS NULL OR t.origin = \(origin?.code))
              AND (\(visibility.isUnrestricted) OR t.department_id = ANY(\(visibility.departmentArray)::text[])
                   OR t.origin = ANY(\(visibility.channelArray)::text[]))
              AND (\(after == nil) OR (t.created_at, t.id) > (\(after?.time(0))::timestamptz, \(after?.text(1))::text))
            ORDER BY t.created_at, t.id
            LIMIT \(limit + 1)
            """)
        let tickets = try rows.map(TicketRow.ticket)
        return (Array(tickets.prefix(limit)), tickets.count > limit)
    }
}
