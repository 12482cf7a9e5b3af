import FenliuModel
import Foundation
import Postgres
import ServiceSupport

/// The tickets, the calls attached to them and their assignment history.
enum TicketStore {
    /// Stores a new ticket, attaches its call and records its first assignment. The database
    /// refuses a second open ticket for the same incident and destination.
    static func insert(_ ticket: NewTicket, on connection: PostgresConnection) throws {
        let plan = ticket.plan
        var reason = plan.reason
        if ticket.needsReview { reason += "; routed at once for safety, classification review pending" }
        // One statement: the ticket, its call and its first holder (a round trip each before).
        try connection.query(
            """
            WITH ticket AS (
                INSERT INTO tickets (id, call_id, incident_id, kind, destination, category, district, department_id, priority, status,
                                     created_at, sign_for_due_at, resolve_due_at, feedback_due_at, summary, channel, needs_review, rules_version)
                VALUES (\(ticket.id), \(ticket.callID), \(ticket.incidentID), \(plan.kind.rawValue), \(plan.destination.code),
                        \(ticket.category.code), \(ticket.district), \(plan.departmentID), \(plan.priority.rawValue), \(plan.state.rawValue),
                        \(ticket.createdAt), \(ticket.deadlines.signForDue), \(ticket.deadlines.resolveDue), \(ticket.deadlines.feedbackDue),
                        \(ticket.summary), \(ticket.channel), \(ticket.needsReview), \(ticket.rulesVersion))
                RETURNING id, call_id, department_id
            ), attached AS (
                INSERT INTO ticket_calls (call_id, ticket_id) SELECT call_id, id FROM ticket ON CONFLICT DO NOTHING
            )
            INSERT INTO assignments (ticket_id, department_id, reason, actor) SELECT id, department_id, \(reason), 'routing' FROM ticket
            """, plan: .cached)
    }

    /// Attaches a call (the original or a repeat call) to a ticket.
    static func attach(callID: String, to ticketID: String, on connection: PostgresConnection) throws {
        try connection.query("INSERT INTO ticket_calls (call_id, ticket_id) VALUES (\(callID), \(ticketID)) ON CONFLICT DO NOTHING", plan: .cached)
    }

    /// Appends to the assignment history.
    static func recordAssignment(ticketID: String, departmentID: String, reason: String, actor: String, on connection: PostgresConnection) throws {
        try connection.query(
            """
            INSERT INTO assignments (ticket_id, department_id, reason, actor)
            VALUES (\(ticketID), \(departmentID), \(reason), \(actor))
            """, plan: .cached)
    }

    /// Moves a ticket to a department and state after a return or a manual assignment; the new
    /// holder's sign-for deadline runs from now.
    static func reassign(
        _ ticketID: String, to departmentID: String, state: TicketState, returnCount: Int, signForDue: Date?, on connection: PostgresConnection
    ) throws {
        try connection.query(
            """
            UPDATE tickets SET department_id = \(departmentID), status = \(state.rawValue), return_count = \(returnCount),
                sign_for_due_at = \(signForDue)
            WHERE id = \(ticketID)
            """)
    }

    /// Applies a state feedback reports, unless a newer one (a higher sequence) was applied; moves
    /// the resolve deadline when feedback moved it. Returns whether it applied.
    static func applyStatus(
        _ ticketID: String, state: TicketState, sequence: Int64, resolveDue: Date?, on connection: PostgresConnection
    ) throws -> Bool {
        try connection.query(
            """
            UPDATE tickets SET status = \(state.rawValue), status_sequence = \(sequence),
                resolve_due_at = COALESCE(\(resolveDue)::timestamptz, resolve_due_at), finished = finished OR \(state.isFinished)
            WHERE id = \(ticketID) AND status_sequence < \(sequence)
            """, plan: .cached
        ).affectedRows == 1
    }

    /// Writes the hand-over's messages and records which of them carries the ticket to its holder,
    /// in one statement (a statement and a round trip fewer for every ticket routed).
    static func setDelivery(_ ticketID: String, outboxID: UUID, writing messages: Outbox.Batch, on connection: PostgresConnection) throws {
        guard var statement = messages.insertStatement else {
            throw PostgresError(code: .invalidValue, message: "a hand-over with no message")
        }
        let outbox = statement.bind(outboxID)
        let ticket = statement.bind(ticketID)
        statement.sql = "WITH messages AS (\(statement.sql)) UPDATE tickets SET outbox_id = \(outbox) WHERE id = \(ticket)"
        try connection.query(statement, plan: .cached)
    }

    /// The ticket an outbox message carries to its holder, or `nil`; without its assignment
    /// history (the delivered event does not carry it).
    static func find(outboxID: UUID, on connection: PostgresConnection) throws -> TicketRecord? {
        try connection.query("\(unescaped: TicketRow.selection) WHERE t.outbox_id = \(outboxID)", plan: .cached).first.map(TicketRow.record)
    }

    /// One ticket, locked for update when asked, or `nil`.
    static func find(_ id: String, forUpdate: Bool = false, on connection: PostgresConnection) throws -> TicketRecord? {
        if forUpdate { try connection.query("SELECT 1 FROM tickets WHERE id = \(id) FOR UPDATE", plan: .cached) }
        return try withHistory(connection.query("\(unescaped: TicketRow.selection) WHERE t.id = \(id)", plan: .cached).map(TicketRow.record), on: connection)
            .first
    }

    /// What `Route` needs to know before it opens a ticket, in one query: the tickets a call is
    /// attached to (as the original call or a repeat), `attached`, and the open tickets of its
    /// incident (never yet resolved), whichever of its calls opened them; each in queue order.
    static func routedBefore(callID: String, incidentID: String, on connection: PostgresConnection) throws -> [(ticket: TicketRecord, attached: Bool)] {
        let rows = try connection.query(
            """
            WITH mine AS (SELECT ticket_id FROM ticket_calls WHERE call_id = \(callID))
            SELECT \(unescaped: TicketRow.columns), t.id IN (SELECT ticket_id FROM mine) AS attached
            \(unescaped: TicketRow.joins)
            WHERE t.id IN (SELECT ticket_id FROM mine UNION SELECT id FROM tickets WHERE incident_id = \(incidentID) AND NOT finished)
            ORDER BY t.priority, t.created_at, t.id
            """, plan: .generic)
        let attached = try rows.map { try $0.decode("attached", as: Bool.self) }
        return zip(try withHistory(rows.map(TicketRow.record), on: connection), attached).map { ($0, $1) }
    }

    /// Fills in the assignment history of `tickets` with one query.
    static func withHistory(_ tickets: [TicketRecord], on connection: PostgresConnection) throws -> [TicketRecord] {
        guard !tickets.isEmpty else { return [] }
        let ids = TicketRow.textArray(tickets.map(\.id))
        var history = [String: [AssignmentRecord]]()
        for row in try connection.query(
            """
            SELECT ticket_id, department_id, assigned_at, reason, actor FROM assignments
            WHERE ticket_id = ANY(\(ids)::text[]) ORDER BY sequence
            """, plan: .cached)
        {
            history[try row.decode("ticket_id"), default: []].append(
                AssignmentRecord(
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
}

/// The mapping between a ticket and its row.
enum TicketRow {
    /// The columns of a ticket row with its department's name and its delivery state. The delivery
    /// state is the outbox row's: not yet tried (or waiting for an endpoint) is pending, a failure
    /// recorded (receiver down, or parked) is retrying, an acknowledgement is delivered. The outbox
    /// purges only delivered (or canceled) messages and a ticket always points at its current,
    /// never-canceled message, so a ticket whose message is gone was delivered.
    static let selection = "SELECT \(columns) \(joins)"

    /// The columns of `selection`.
    static let columns = """
        t.id, t.call_id, t.incident_id, t.channel, t.kind, t.destination, t.category, t.district, t.department_id, t.priority, t.status,
               t.created_at, t.sign_for_due_at, t.resolve_due_at, t.feedback_due_at, t.return_count, t.summary,
               t.rules_version, COALESCE(d.name, '') AS department_name,
               CASE WHEN t.outbox_id IS NULL THEN 'PENDING'
                    WHEN o.id IS NULL OR o.delivered_at IS NOT NULL THEN 'DELIVERED'
                    WHEN o.parked_at IS NOT NULL OR (o.last_error IS NOT NULL AND o.last_error NOT LIKE '\(Outbox.waitingPrefix)%') THEN 'RETRYING'
                    ELSE 'PENDING' END AS delivery_state
        """

    /// The tables of `selection`.
    static let joins = """
        FROM tickets t
        LEFT JOIN departments d ON d.id = t.department_id
        LEFT JOIN outbox o ON o.id = t.outbox_id
        """

    /// Decodes one row selected with `selection`; an unknown kind, destination, category, priority
    /// or state is an error, never a default.
    static func record(_ row: PostgresRow) throws -> TicketRecord {
        TicketRecord(
            id: try row.decode("id"), callID: try row.decode("call_id"), incidentID: try row.decode("incident_id"),
            channel: try row.decode("channel", as: String.self).isEmpty ? nil : try row.decode("channel", as: Channel.self),
            kind: try row.decode("kind", as: TicketKind.self),
            destination: try row.decode("destination", as: Destination.self),
            category: try row.decode("category", as: Category.self),
            district: try row.decode("district"), departmentID: try row.decode("department_id"),
            departmentName: try row.decode("department_name"),
            priority: try row.decode("priority", as: TicketPriority.self),
            state: try row.decode("status", as: TicketState.self),
            createdAt: try row.decode("created_at"),
            deadlines: Deadlines(
                signForDue: try row.decode("sign_for_due_at", as: Date?.self),
                resolveDue: try row.decode("resolve_due_at", as: Date?.self),
                feedbackDue: try row.decode("feedback_due_at", as: Date?.self)
            ),
            returnCount: try row.decode("return_count"), summary: try row.decode("summary"),
            rulesVersion: try row.decode("rules_version"),
            deliveryStatus: try row.decode("delivery_state", as: DeliveryStatus.self), history: []
        )
    }

    /// A PostgreSQL `text[]` literal, quoting each element.
    static func textArray(_ values: [String]) -> String {
        "{"
            + values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}
