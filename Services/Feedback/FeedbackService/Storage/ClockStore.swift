import Foundation
import Postgres

/// A clock due to fire: a reminder, an overdue notice or a repeated escalation.
struct DueClock: Sendable {
    /// What fires.
    enum Firing: Sendable, Equatable {
        case reminder
        case overdue
        case escalation
    }

    var ticketID: String
    var clock: DeadlineClock
    var dueAt: Date
    var escalations: Int
    var firing: Firing
}

/// The deadline clocks. Each reminder, overdue notice and escalation is claimed with
/// `FOR UPDATE SKIP LOCKED` and marked in the transaction that records it, so with several replicas
/// each fires once; a clock that came due while no replica ran fires when one comes back, once.
enum ClockStore {
    /// A clock to start: which, from when, due when.
    struct ClockStart {
        let clock: DeadlineClock
        let start: Date
        let due: Date
    }

    /// Starts (or restarts, with a new deadline) a clock of a ticket.
    static func start(
        _ clock: DeadlineClock, ticketID: String, at start: Date, due: Date, schedule: ClockSchedule, on connection: PostgresConnection
    ) throws {
        try self.start([ClockStart(clock: clock, start: start, due: due)], ticketID: ticketID, schedule: schedule, on: connection)
    }

    /// Starts (or restarts) several clocks of a ticket in one statement (a new ticket's two or three).
    static func start(_ clocks: [ClockStart], ticketID: String, schedule: ClockSchedule, on connection: PostgresConnection) throws {
        guard !clocks.isEmpty else { return }
        var query = PostgresQuery(sql: "INSERT INTO clocks (ticket_id, clock, started_at, due_at, remind_at) VALUES ")
        query.appendValues(of: clocks) { [ticketID, $0.clock.rawValue, $0.start, $0.due, schedule.reminder(start: $0.start, due: $0.due)] }
        query.sql += """
             ON CONFLICT (ticket_id, clock) DO UPDATE SET started_at = EXCLUDED.started_at, due_at = EXCLUDED.due_at,
                remind_at = EXCLUDED.remind_at, reminded_at = NULL, overdue_at = NULL, escalations = 0, next_escalation_at = NULL,
                stopped_at = NULL
            """
        try connection.query(query, plan: .cached)
    }

    /// Stops clocks of a ticket (the deadline was met, or no longer applies).
    static func stop(_ clocks: Set<DeadlineClock>, ticketID: String, at time: Date, on connection: PostgresConnection) throws {
        guard !clocks.isEmpty else { return }
        let names = "{" + clocks.map(\.rawValue).sorted().joined(separator: ",") + "}"
        try connection.query(
            """
            UPDATE clocks SET stopped_at = \(time) WHERE ticket_id = \(ticketID) AND clock = ANY(\(names)::text[]) AND stopped_at IS NULL
            """, plan: .cached)
    }

    /// Claims up to `limit` clocks that must fire at `now` and marks them fired, in the caller's
    /// transaction. An overdue clock whose reminder never went out only reports overdue.
    static func claimDue(now: Date, escalationInterval: TimeInterval, limit: Int, on connection: PostgresConnection) throws -> [DueClock] {
        var due = [DueClock]()
        let next = now.addingTimeInterval(escalationInterval)
        for row in try connection.query(
            """
            UPDATE clocks SET overdue_at = \(now), reminded_at = COALESCE(reminded_at, \(now)), escalations = 1, next_escalation_at = \(next)
            WHERE (ticket_id, clock) IN (
                SELECT ticket_id, clock FROM clocks WHERE stopped_at IS NULL AND overdue_at IS NULL AND due_at <= \(now)
                ORDER BY due_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING ticket_id, clock, due_at, escalations
            """)
        {
            due.append(try clock(row, .overdue))
        }
        for row in try connection.query(
            """
            UPDATE clocks SET reminded_at = \(now)
            WHERE (ticket_id, clock) IN (
                SELECT ticket_id, clock FROM clocks WHERE stopped_at IS NULL AND reminded_at IS NULL AND remind_at <= \(now) AND due_at > \(now)
                ORDER BY remind_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING ticket_id, clock, due_at, escalations
            """)
        {
            due.append(try clock(row, .reminder))
        }
        for row in try connection.query(
            """
            UPDATE clocks SET escalations = escalations + 1, next_escalation_at = \(next)
            WHERE (ticket_id, clock) IN (
                SELECT ticket_id, clock FROM clocks
                WHERE stopped_at IS NULL AND overdue_at IS NOT NULL AND next_escalation_at <= \(now)
                ORDER BY next_escalation_at LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING ticket_id, clock, due_at, escalations
            """)
        {
            due.append(try clock(row, .escalation))
        }
        return due
    }

    private static func clock(_ row: PostgresRow, _ firing: DueClock.Firing) throws -> DueClock {
        DueClock(
            ticketID: try row.decode("ticket_id"), clock: try row.decode("clock", as: DeadlineClock.self), dueAt: try row.decode("due_at"),
            escalations: try row.decode("escalations"), firing: firing
        )
    }
}
