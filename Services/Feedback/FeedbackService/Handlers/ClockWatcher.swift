import FenliuModel
import Foundation
import Logging
import Postgres
import ServiceLifecycle
import ServiceSupport

/// 督办: watches every ticket's deadlines. At the configured share of a deadline's time the holder
/// is reminded; at the deadline the ticket is overdue and the supervising office is notified; while
/// it stays overdue, the office is notified again at every escalation interval. Safe with several
/// replicas: each firing is claimed (`FOR UPDATE SKIP LOCKED`) and recorded in one transaction, so
/// it happens once; a deadline that passed while no replica ran fires when one starts, once.
struct ClockWatcher: Service {
    /// The feedback schema.
    let database: PostgresPool
    /// Records the reminders and notices.
    let journal: TicketJournal
    /// The clock, the schedule, the interval.
    let configuration: FeedbackConfiguration
    /// Where failed rounds are reported.
    let logger: Logger

    /// Clocks fired per transaction.
    static let batchSize = 50

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await tick()
                } catch {
                    logger.warning("clock round failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: configuration.clockInterval)
            }
        }
    }

    /// Fires everything due at the configuration's `now`; returns how many firings it recorded.
    @discardableResult
    func tick() async throws -> Int {
        var fired = 0
        while true {
            let now = configuration.clock.now()
            let journal = self.journal
            let interval = configuration.escalationInterval
            let count = try await database.transaction { connection -> Int in
                let due = try ClockStore.claimDue(now: now, escalationInterval: interval, limit: Self.batchSize, on: connection)
                for clock in due {
                    guard var ticket = try TicketStore.find(clock.ticketID, forUpdate: true, on: connection) else { continue }
                    let (kind, note): (EventKind, String) =
                        switch clock.firing {
                        case .reminder: (.reminder, "\(clock.clock.rawValue) deadline approaching")
                        case .overdue: (.overdue, "\(clock.clock.rawValue) deadline passed; \(ticket.supervisorID) notified")
                        case .escalation: (.escalation, "\(clock.clock.rawValue) still overdue; \(ticket.supervisorID) notified again")
                        }
                    try journal.record(
                        .init(
                            kind: kind, actor: "feedback-clock", note: note, clock: clock.clock, dueAt: clock.dueAt,
                            escalations: clock.firing == .reminder ? 0 : clock.escalations, notifiesSupervisor: clock.firing != .reminder),
                        ticket: &ticket, previous: ticket.state, at: now, on: connection)
                }
                return due.count
            }
            fired += count
            if count == 0 { return fired }
        }
    }
}
