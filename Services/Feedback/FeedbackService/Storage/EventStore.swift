import FenliuModel
import Foundation
import Postgres
import ServiceSupport

/// The append-only history of every ticket.
enum EventStore {
    /// The columns every event query selects, of the table aliased `alias` when given.
    static func columns(_ alias: String = "") -> String {
        let names = [
            "id", "ticket_id", "sequence", "kind", "state", "previous_state", "actor", "note", "occurred_at", "department_id", "event_id",
            "clock", "due_at", "escalations", "supervisor_id", "position",
        ]
        let prefix = alias.isEmpty ? "" : alias + "."
        return (names.map { prefix + $0 } + ["\(prefix)tx::text AS tx"]).joined(separator: ", ")
    }

    /// Appends an event (its sequence is the ticket's next one).
    static func append(_ event: FeedbackEvent, on connection: PostgresConnection) throws {
        try connection.query(
            """
            INSERT INTO events (id, ticket_id, sequence, kind, state, previous_state, actor, note, occurred_at, department_id, event_id,
                                clock, due_at, escalations, supervisor_id)
            VALUES (\(event.id), \(event.ticketID), \(event.sequence), \(event.kind.rawValue), \(event.state.rawValue),
                    \(event.previousState.rawValue), \(event.actor), \(event.note), \(event.occurredAt), \(event.departmentID),
                    \(event.eventID), \(event.clock?.rawValue), \(event.dueAt), \(event.escalations), \(event.supervisorID))
            """, plan: .cached)
    }

    /// The event a sender already reported with `eventID` for the ticket, if any.
    static func find(ticketID: String, eventID: String, on connection: PostgresConnection) throws -> FeedbackEvent? {
        guard !eventID.isEmpty else { return nil }
        // `event_id <> ''` written out lets a plan made without the values use the partial index.
        return try connection.query(
            "SELECT \(unescaped: columns()) FROM events WHERE ticket_id = \(ticketID) AND event_id = \(eventID) AND event_id <> ''", plan: .cached
        )
        .first.map(EventRow.event)
    }

    /// A ticket's whole history, in order.
    static func history(of ticketID: String, on connection: PostgresConnection) throws -> [FeedbackEvent] {
        try connection.query("SELECT \(unescaped: columns()) FROM events WHERE ticket_id = \(ticketID) ORDER BY sequence", plan: .cached).map(EventRow.event)
    }

    /// Filters of `ListEvents`.
    struct Feed: Sendable {
        var origin: Channel?
        var departmentID = ""
        var callID = ""
        var ticketID = ""
        var from: Date?
        var to: Date?
        var limit = 100

        var fingerprint: String {
            PageToken.fingerprint([
                origin?.code ?? "", departmentID, callID, ticketID, from.map { "\($0.timeIntervalSince1970)" } ?? "",
                to.map { "\($0.timeIntervalSince1970)" } ?? "",
            ])
        }
    }

    /// Events after `cursor` (transaction, position), in commit order, of transactions older than
    /// every transaction still running, so an event committed later never lands before the cursor.
    static func feed(_ feed: Feed, after cursor: (tx: Int64, position: Int64)?, on connection: PostgresConnection) throws -> (
        events: [(FeedbackEvent, tx: Int64, position: Int64)], more: Bool
    ) {
        let rows = try connection.query(
            """
            SELECT \(unescaped: columns("e"))
            FROM events e JOIN tickets t ON t.id = e.ticket_id
            WHERE e.tx < pg_snapshot_xmin(pg_current_snapshot())
              AND (\(cursor == nil) OR (e.tx, e.position) > (\(String(cursor?.tx ?? 0))::xid8, \(cursor?.position ?? 0)))
              AND (\(feed.origin?.code)::text IS NULL OR t.origin = \(feed.origin?.code))
              AND (\(feed.departmentID) = '' OR e.department_id = \(feed.departmentID))
              AND (\(feed.callID) = '' OR t.call_id = \(feed.callID) OR t.incident_id = \(feed.callID))
              AND (\(feed.ticketID) = '' OR e.ticket_id = \(feed.ticketID))
              AND (\(feed.from)::timestamptz IS NULL OR e.occurred_at >= \(feed.from))
              AND (\(feed.to)::timestamptz IS NULL OR e.occurred_at < \(feed.to))
            ORDER BY e.tx, e.position
            LIMIT \(feed.limit + 1)
            """)
        let events = try rows.map { row in
            guard let tx = Int64(try row.decode("tx", as: String.self)) else {
                throw PostgresError(code: .decodingFailed, message: "column \"tx\" is not a transaction id")
            }
            return (try EventRow.event(row), tx: tx, position: try row.decode("position", as: Int64.self))
        }
        return (Array(events.prefix(feed.limit)), events.count > feed.limit)
    }
}

/// The mapping between an event and its row.
enum EventRow {
    static func event(_ row: PostgresRow) throws -> FeedbackEvent {
        FeedbackEvent(
            id: try row.decode("id"), ticketID: try row.decode("ticket_id"), sequence: try row.decode("sequence"),
            kind: try row.decode("kind", as: EventKind.self), state: try row.decode("state", as: TicketState.self),
            previousState: try row.decode("previous_state", as: TicketState.self), actor: try row.decode("actor"),
            note: try row.decode("note"), occurredAt: try row.decode("occurred_at"), departmentID: try row.decode("department_id"),
            eventID: try row.decode("event_id"), clock: try row.decode("clock", as: DeadlineClock?.self),
            dueAt: try row.decode("due_at", as: Date?.self), escalations: try row.decode("escalations"),
            supervisorID: try row.decode("supervisor_id")
        )
    }
}
