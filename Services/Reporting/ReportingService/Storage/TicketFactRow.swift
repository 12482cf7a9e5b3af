import Foundation
import Postgres

/// One ticket's facts, as the per-ticket CSV lists them.
struct TicketFact: Sendable {
    var ticketID: String
    var callID: String
    var createdAt: Date?
    var category: String
    var district: String
    var departmentID: String
    var departmentName: String
    var priority: String
    var channel: String
    var kind: String
    var deliveredAt: Date?
    var acceptedAt: Date?
    var signForDue: Date?
    var resolvedAt: Date?
    var resolveDue: Date?
    var closedAt: Date?
    var returned: Bool
    var reassignments: Int
    var reopened: Bool
    var overdue: Bool
    var extensions: Int
    var satisfaction: String
    var objectsToDiversion: Bool
}

/// Reads ticket facts.
enum TicketFactRow {
    /// The tickets created in `month` (within `district` when given), oldest first.
    static func tickets(_ month: ReportingMonth, district: String, on connection: PostgresConnection) throws -> [TicketFact] {
        try connection.query(
            """
            SELECT t.*, COALESCE(d.name, '') AS department_name FROM ticket_facts t
            LEFT JOIN departments d ON d.department_id = t.department_id
            WHERE t.created_at >= \(month.start) AND t.created_at < \(month.end) AND (\(district) = '' OR t.district = \(district))
            ORDER BY t.created_at, t.ticket_id
            """
        ).map(fact)
    }

    static func fact(_ row: PostgresRow) throws -> TicketFact {
        func text(_ column: String) throws -> String { try row.decode(column, as: String?.self) ?? "" }
        func time(_ column: String) throws -> Date? { try row.decode(column, as: Date?.self) }
        return TicketFact(
            ticketID: try row.decode("ticket_id"), callID: try text("call_id"), createdAt: try time("created_at"),
            category: try text("category"), district: try text("district"), departmentID: try text("department_id"),
            departmentName: try row.decode("department_name"), priority: try text("priority"), channel: try text("channel"),
            kind: try text("kind"), deliveredAt: try time("delivered_at"), acceptedAt: try time("accepted_at"),
            signForDue: try time("sign_for_due"), resolvedAt: try time("resolved_at"), resolveDue: try time("resolve_due"),
            closedAt: try time("closed_at"), returned: try row.decode("returned"), reassignments: try row.decode("reassignments"),
            reopened: try row.decode("reopened"), overdue: try row.decode("overdue"), extensions: try row.decode("extensions"),
            satisfaction: try text("satisfaction"), objectsToDiversion: try row.decode("objects_to_diversion")
        )
    }
}
