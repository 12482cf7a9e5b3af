import FenliuModel
import Foundation
import Postgres
import ServiceSupport

/// A dispute as stored: one per returned ticket, growing with each return.
struct DisputeRecord: Sendable {
    /// Its id.
    var id: String
    /// The returned ticket.
    var ticketID: String
    /// The call that opened it.
    var callID: String
    /// The matter.
    var category: Category
    /// The district code, or empty.
    var district: String
    /// Every department that held it, in order.
    var departmentIDs: [String]
    /// Every return reason, in order.
    var reasons: [String]
    /// Whether the 12345 centre arbitrates.
    var isInArbitration: Bool
    /// When it was created (its age in the queue).
    var createdAt: Date
}

/// Disputed matters (returns between departments), for the monthly consultation (会商).
enum DisputeStore {
    private static let columns = "id, ticket_id, call_id, category, district, department_ids, reasons, in_arbitration, created_at"

    /// Records one return of `ticket` by `departmentID`: opens the ticket's dispute or adds the
    /// department and reason to it.
    static func recordReturn(of ticket: TicketRecord, by departmentID: String, reason: String, arbitration: Bool, on connection: PostgresConnection) throws {
        let existing = try connection.query("SELECT \(unescaped: columns) FROM disputes WHERE ticket_id = \(ticket.id) FOR UPDATE")
            .first.map(record(from:))
        var departments = existing?.departmentIDs ?? []
        if !departments.contains(departmentID) { departments.append(departmentID) }
        let reasons = (existing?.reasons ?? []) + [reason]
        if let existing {
            try connection.query(
                """
                UPDATE disputes SET department_ids = \(try json(departments)), reasons = \(try json(reasons)),
                    in_arbitration = in_arbitration OR \(arbitration), updated_at = now()
                WHERE id = \(existing.id)
                """)
        } else {
            try connection.query(
                """
                INSERT INTO disputes (id, ticket_id, call_id, category, district, department_ids, reasons, in_arbitration)
                VALUES (\(UUID().uuidString.lowercased()), \(ticket.id), \(ticket.callID), \(ticket.category.code), \(ticket.district),
                        \(try json(departments)), \(try json(reasons)), \(arbitration))
                """)
        }
    }

    /// Adds a department that got the ticket after a return, so the dispute names everyone involved.
    static func addDepartment(_ departmentID: String, toDisputeOf ticketID: String, on connection: PostgresConnection) throws {
        guard
            let existing = try connection.query("SELECT \(unescaped: columns) FROM disputes WHERE ticket_id = \(ticketID) FOR UPDATE")
                .first.map(record(from:)), !existing.departmentIDs.contains(departmentID)
        else { return }
        try connection.query("UPDATE disputes SET department_ids = \(try json(existing.departmentIDs + [departmentID])) WHERE id = \(existing.id)")
    }

    /// Disputes opened in [from, to), oldest first, after the page key `after`.
    static func list(from: Date?, to: Date?, after: PageToken?, limit: Int, on connection: PostgresConnection) throws -> (
        disputes: [DisputeRecord], hasMore: Bool
    ) {
        let rows = try connection.query(
            """
            SELECT \(unescaped: columns) FROM disputes
            WHERE (\(from == nil) OR created_at >= \(from)::timestamptz) AND (\(to == nil) OR created_at < \(to)::timestamptz)
              AND (\(after == nil) OR (created_at, id) > (\(after?.time(0))::timestamptz, \(after?.text(1))))
            ORDER BY created_at, id LIMIT \(limit + 1)
            """)
        let records = try rows.map(record(from:))
        return (Array(records.prefix(limit)), records.count > limit)
    }

    private static func json(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    private static func record(from row: PostgresRow) throws -> DisputeRecord {
        let departments: String = try row.decode("department_ids")
        let reasons: String = try row.decode("reasons")
        return DisputeRecord(
            id: try row.decode("id"), ticketID: try row.decode("ticket_id"), callID: try row.decode("call_id"),
            category: try row.decode("category", as: Category.self), district: try row.decode("district"),
            departmentIDs: try JSONDecoder().decode([String].self, from: Data(departments.utf8)),
            reasons: try JSONDecoder().decode([String].self, from: Data(reasons.utf8)),
            isInArbitration: try row.decode("in_arbitration"), createdAt: try row.decode("created_at")
        )
    }
}
