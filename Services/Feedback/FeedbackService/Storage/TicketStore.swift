import FenliuModel
import Foundation
import Postgres
import ServiceSupport

/// The tickets feedback follows. Functions take a connection so callers compose them in one
/// transaction (a change, its event, its clocks and its notifications commit together).
enum TicketStore {
    /// One ticket, locked for update when asked, or `nil`.
    static func find(_ id: String, forUpdate: Bool = false, on connection: PostgresConnection) throws -> FeedbackTicket? {
        try connection.query("SELECT * FROM tickets WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")", plan: .cached)
            .first.map(TicketRow.ticket)
    }

    /// The tickets of a call.
    static func forCall(_ callID: String, on connection: PostgresConnection) throws -> [FeedbackTicket] {
        try connection.query("SELECT * FROM tickets WHERE call_id = \(callID)", plan: .cached).map(TicketRow.ticket)
    }

    /// Stores a ticket as it now stands (a new one, or every column of a changed one).
    static func save(_ ticket: FeedbackTicket, on connection: PostgresConnection) throws {
        let pending = ticket.pendingExtension
        let callback = ticket.callback
        try connection.query(
            """
            INSERT INTO tickets (id, call_id, incident_id, origin, kind, destination, category, district, department_id, department_name,
                priority, state, sign_for_due_at, resolve_due_at, feedback_due_at, created_at, updated_at, result, assignment, sequence,
                extension_until, extension_reason, extension_by, extension_at, extension_state_before,
                callback_satisfaction, callback_comment, callback_objects, callback_attempts, callback_at, callback_next_due_at)
            VALUES (\(ticket.id), \(ticket.callID), \(ticket.incidentID), \(ticket.origin?.code), \(ticket.kind.rawValue),
                \(ticket.destination.code), \(ticket.category.code), \(ticket.district), \(ticket.departmentID), \(ticket.departmentName),
                \(ticket.priority.rawValue), \(ticket.state.rawValue), \(ticket.deadlines.signForDue), \(ticket.deadlines.resolveDue),
                \(ticket.deadlines.feedbackDue), \(ticket.createdAt), \(ticket.updatedAt), \(ticket.result), \(ticket.assignment),
                \(ticket.sequence), \(pending?.until), \(pending?.reason), \(pending?.requestedBy), \(pending?.requestedAt),
                \(pending?.stateBefore.rawValue), \(callback?.satisfaction.rawValue), \(callback?.comment ?? ""),
                \(callback?.objectsToDiversion ?? false), \(callback?.attempts ?? 0), \(callback?.recordedAt), \(callback?.nextAttemptDue))
            ON CONFLICT (id) DO UPDATE SET
                call_id = EXCLUDED.call_id, incident_id = EXCLUDED.incident_id, origin = EXCLUDED.origin, kind = EXCLUDED.kind,
                destination = EXCLUDED.destination, category = EXCLUDED.category, district = EXCLUDED.district,
                department_id = EXCLUDED.department_id, department_name = EXCLUDED.department_name, priority = EXCLUDED.priority,
                state = EXCLUDED.state, sign_for_due_at = EXCLUDED.sign_for_due_at, resolve_due_at = EXCLUDED.resolve_due_at,
                feedback_due_at = EXCLUDED.feedback_due_at, updated_at = EXCLUDED.updated_at, result = EXCLUDED.result,
                assignment = EXCLUDED.assignment, sequence = EXCLUDED.sequence, extension_until = EXCLUDED.extension_until,
                extension_reason = EXCLUDED.extension_reason, extension_by = EXCLUDED.extension_by, extension_at = EXCLUDED.extension_at,
                extension_state_before = EXCLUDED.extension_state_before, callback_satisfaction = EXCLUDED.callback_satisfaction,
                callback_comment = EXCLUDED.callback_comment, callback_objects = EXCLUDED.callback_objects,
                callback_attempts = EXCLUDED.callback_attempts, callback_at = EXCLUDED.callback_at,
                callback_next_due_at = EXCLUDED.callback_next_due_at
            """, plan: .cached)
    }

    /// Whether a running clock of the ticket has passed its deadline at `now`.
    static func isOverdue(_ id: String, now: Date, on connection: PostgresConnection) throws -> Bool {
        try !connection.query(
            "SELECT 1 FROM clocks WHERE ticket_id = \(id) AND stopped_at IS NULL AND due_at <= \(now) LIMIT 1", plan: .cached
        ).isEmpty
    }
}

/// The mapping between a ticket and its row; an unknown state, kind or category is an error.
enum TicketRow {
    static func ticket(_ row: PostgresRow) throws -> FeedbackTicket {
        let extensionUntil = try row.decode("extension_until", as: Date?.self)
        let satisfaction = try row.decode("callback_satisfaction", as: Satisfaction?.self)
        return FeedbackTicket(
            id: try row.decode("id"), callID: try row.decode("call_id"), incidentID: try row.decode("incident_id"),
            origin: try row.decode("origin", as: Channel?.self), kind: try row.decode("kind", as: TicketKind.self),
            destination: try row.decode("destination", as: Destination.self), category: try row.decode("category", as: Category.self),
            district: try row.decode("district"), departmentID: try row.decode("department_id"),
            departmentName: try row.decode("department_name"), priority: try row.decode("priority", as: TicketPriority.self),
            state: try row.decode("state", as: TicketState.self),
            deadlines: Deadlines(
                signForDue: try row.decode("sign_for_due_at", as: Date?.self), resolveDue: try row.decode("resolve_due_at", as: Date?.self),
                feedbackDue: try row.decode("feedback_due_at", as: Date?.self)
            ),
            createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"), result: try row.decode("result"),
            assignment: try row.decode("assignment"), sequence: try row.decode("sequence"),
            pendingExtension: try extensionUntil.map { until in
                PendingExtension(
                    until: until, reason: try row.decode("extension_reason", as: String?.self) ?? "",
                    requestedBy: try row.decode("extension_by", as: String?.self) ?? "",
                    requestedAt: try row.decode("extension_at", as: Date.self),
                    stateBefore: try row.decode("extension_state_before", as: TicketState.self)
                )
            },
            callback: try satisfaction.map { satisfaction in
                CallbackRecord(
                    satisfaction: satisfaction, comment: try row.decode("callback_comment"), objectsToDiversion: try row.decode("callback_objects"),
                    attempts: try row.decode("callback_attempts"), recordedAt: try row.decode("callback_at", as: Date.self),
                    nextAttemptDue: try row.decode("callback_next_due_at", as: Date?.self)
                )
            }
        )
    }
}
