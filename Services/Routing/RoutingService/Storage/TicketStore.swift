import FenliuModel
import Foundation
import Postgres

/// The tickets, the calls attached to them and their assignment history.
enum TicketStore {
    /// The columns of a ticket row with its department's name and its delivery state. The delivery
    /// state is the outbox row's: no row yet (no endpoint) or not yet tried is pending, a failure
    /// recorded (receiver down, or parked) is retrying, an acknowledgement is delivered.
    static let selection = """
        SELECT t.id, t.call_id, t.kind, t.destination, t.category, t.district, t.department_id, t.priority, t.status,
               t.created_at, t.sign_for_due_at, t.resolve_due_at, t.feedback_due_at, t.return_count, t.summary,
               t.rules_version, COALESCE(d.name, '') AS department_name,
               CASE WHEN o.id IS NULL THEN 'PENDING'
                    WHEN o.delivered_at IS NOT NULL THEN 'DELIVERED'
                    WHEN o.last_error IS NOT NULL OR o.parked_at IS NOT NULL THEN 'RETRYING'
                    ELSE 'PENDING' END AS delivery_state
        FROM tickets t
        LEFT JOIN departments d ON d.id = t.department_id
        LEFT JOIN outbox o ON o.id = t.outbox_id
        """

    /// Stores a new ticket, attaches its call and records its first assignment.
    static func insert(_ ticket: NewTicket, on connection: PostgresConnection) throws {
        let plan = ticket.plan
        try connection.query("""
            INSERT INTO tickets (id, call_id, kind, destination, category, district, department_id, priority, status, created_at,
                                 sign_for_due_at, resolve_due_at, feedback_due_at, summary, channel, needs_review, rules_version)
            VALUES (\(ticket.id), \(ticket.callID), \(plan.kind.rawValue), \(plan.destination.code), \(ticket.category.code),
                    \(ticket.district), \(plan.departmentID), \(plan.priority.rawValue), \(plan.state.rawValue), \(ticket.createdAt),
                    \(ticket.deadlines.signForDue), \(ticket.deadlines.resolveDue), \(ticket.deadlines.feedbackDue),
                    \(ticket.summary), \(ticket.channel), \(ticket.needsReview), \(ticket.rulesVersion))
            """)
        try attach(callID: ticket.callID, to: ticket.id, on: connection)
        var reason = plan.reason
        if ticket.needsReview { reason += "; routed at once for safety, classification review pending" }
        try recordAssignment(ticketID: ticket.id, departmentID: plan.departmentID, reason: reason, actor: "routing", on: connection)
    }

    /// Attaches a call (the original or a repeat call) to a ticket.
    static func attach(callID: String, to ticketID: String, on connection: PostgresConnection) throws {
        try connection.query("INSERT INTO ticket_calls (call_id, ticket_id) VALUES (\(callID), \(ticketID)) ON CONFLICT DO NOTHING")
    }

    /// Appends to the assignment history.
    static func recordAssignment(ticketID: String, departmentID: String, reason: String, actor: String, on connection: PostgresConnection) throws {
        try connection.query("""
            INSERT INTO assignments (ticket_id, department_id, reason, actor)
            VALUES (\(ticketID), \(departmentID), \(reason), \(actor))
            """)
    }

    /// Moves a ticket to a department and state after a return or a manual assignment.
    static func reassign(_ ticketID: String, to departmentID: String, state: TicketState, returnCount: Int, on connection: PostgresConnection) throws {
        try connection.query("""
            UPDATE tickets SET department_id = \(departmentID), status = \(state.rawValue), return_count = \(returnCount), outbox_id = NULL
            WHERE id = \(ticketID)
            """)
    }

    /// Records which outbox message carries the ticket to its department.
    static func setDelivery(_ ticketID: String, outboxID: UUID, on connection: PostgresConnection) throws {
        try connection.query("UPDATE tickets SET outbox_id = \(outboxID) WHERE id = \(ticketID)")
    }

    /// Tickets of a department that wait for an endpoint (no outbox message), oldest first.
    static func awaitingEndpoint(departmentID: String, on connection: PostgresConnection) throws -> [String] {
        try connection.query("""
            SELECT id FROM tickets WHERE department_id = \(departmentID) AND outbox_id IS NULL
            AND status NOT IN ('RESOLVED', 'CLOSED') ORDER BY created_at, id
            FOR UPDATE
            """).map { try $0.decode("id", as: String.self) }
    }

    /// One ticket, locked for update when asked, or `nil`.
    static func find(_ id: String, forUpdate: Bool = false, on connection: PostgresConnection) throws -> TicketRecord? {
        if forUpdate { try connection.query("SELECT 1 FROM tickets WHERE id = \(id) FOR UPDATE") }
        return try withHistory(connection.query("\(unescaped: selection) WHERE t.id = \(id)").map(record(from:)), on: connection).first
    }

    /// The tickets a call is attached to (as the original call or a repeat), in queue order.
    static func forCall(_ callID: String, on connection: PostgresConnection) throws -> [TicketRecord] {
        try withHistory(connection.query("""
            \(unescaped: selection) WHERE t.id IN (SELECT ticket_id FROM ticket_calls WHERE call_id = \(callID))
            ORDER BY t.priority, t.created_at, t.id
            """).map(record(from:)), on: connection)
    }

    /// Fills in the assignment history of `tickets` with one query.
    static func withHistory(_ tickets: [TicketRecord], on connection: PostgresConnection) throws -> [TicketRecord] {
        guard !tickets.isEmpty else { return [] }
        let ids = "{" + tickets.map { "\"\($0.id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ",") + "}"
        var history = [String: [AssignmentRecord]]()
        for row in try connection.query("""
            SELECT ticket_id, department_id, assigned_at, reason, actor FROM assignments
            WHERE ticket_id = ANY(\(ids)::text[]) ORDER BY sequence
            """) {
            history[try row.decode("ticket_id"), default: []].append(AssignmentRecord(
                departmentID: try row.decode("department_id"), assignedAt: try row.decode("assigned_at"),
                reason: try row.decode("reason"), actor: try row.decode("actor")
            ))
        }
        return tickets.map { ticket in
            var ticket = ticket
            ticket.history = history[ticket.id] ?? []
            return ticket
        }
    }

    static func record(from row: PostgresRow) throws -> TicketRecord {
        TicketRecord(
            id: try row.decode("id"), callID: try row.decode("call_id"),
            kind: TicketKind(rawValue: try row.decode("kind")) ?? .workOrder,
            destination: Destination(rawValue: try row.decode("destination")) ?? .hotline12345,
            category: Category(code: try row.decode("category")) ?? .otherService,
            district: try row.decode("district"), departmentID: try row.decode("department_id"),
            departmentName: try row.decode("department_name"),
            priority: TicketPriority(rawValue: try row.decode("priority")) ?? .normal,
            state: TicketState(rawValue: try row.decode("status")) ?? .dispatched,
            createdAt: try row.decode("created_at"),
            deadlines: Deadlines(
                signForDue: try row.decode("sign_for_due_at", as: Date?.self),
                resolveDue: try row.decode("resolve_due_at", as: Date?.self),
                feedbackDue: try row.decode("feedback_due_at", as: Date?.self)
            ),
            returnCount: try row.decode("return_count"), summary: try row.decode("summary"),
            rulesVersion: try row.decode("rules_version"),
            deliveryStatus: DeliveryStatus(rawValue: try row.decode("delivery_state")) ?? .pending, history: []
        )
    }
}
