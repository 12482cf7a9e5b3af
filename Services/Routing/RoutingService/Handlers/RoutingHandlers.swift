import FenliuModel
import Foundation
import Postgres
import ServiceSupport
import Synchronization

/// The Connect methods of `fenliu.routing.v1.RoutingService`: routing here and in `+Route`, the
/// ticket lifecycle routing owns (returns, manual assignment) in `+Tickets`, the directory in
/// `+Directory`.
struct RoutingHandlers: RoutingServiceHandler {
    /// The routing schema.
    let database: PostgresPool
    /// Deadlines, calendar and returns.
    let policy: RoutingPolicy
    /// Tells reporting about tickets (in their transactions).
    let reporter: EventReporter
    /// The rule resolver, kept while the directory and the rules do not change.
    let directory = DirectoryCache()

    /// Hands the ticket over, in the caller's transaction: to its holder's system (a signed webhook)
    /// and to feedback, which follows what happens to it from here (`TrackTicket`, in order per
    /// ticket). An earlier message to a previous holder that is not delivered yet is withdrawn. The
    /// webhook names the department, not a URL: the endpoint and secret are looked up when it is
    /// sent (`RoutingModule.webhookEndpoint(for:)`), so a department without an endpoint yet gets its
    /// tickets as soon as `UpsertDepartment` gives it one.
    static func handOver(_ ticketID: String, event: String, on connection: PostgresConnection) throws {
        guard let ticket = try TicketStore.find(ticketID, on: connection) else { throw RoutingError.ticketNotFound(ticketID) }
        if let previous = try connection.query("SELECT outbox_id FROM tickets WHERE id = \(ticketID)", plan: .cached).first?.decode("outbox_id", as: UUID?.self)
        {
            try Outbox.cancel(previous, on: connection)
        }
        try handOverFirst(ticket, event: event, on: connection)
    }

    /// `handOver` for a ticket just created and read back: nothing was handed over before, so
    /// there is nothing to withdraw, and the record the caller holds is current (`Route` read each
    /// new ticket three more times before). The messages and the ticket's delivery are one statement, with `events` for
    /// reporting (the ticket's created event) when given.
    static func handOverFirst(
        _ ticket: TicketRecord, event: String, reporting events: [Fenliu_Reporting_V1_Event] = [], reporter: EventReporter? = nil,
        on connection: PostgresConnection
    ) throws {
        var batch = Outbox.Batch()
        let id = try batch.add(webhook: ticket.delivery(event: event), for: ticket.departmentID)
        try batch.add(FeedbackAPI.trackTicket, ticket.trackRequest, orderingKey: "feedback/\(ticket.id)")
        try reporter?.add(events, to: &batch)
        try TicketStore.setDelivery(ticket.id, outboxID: id, writing: batch, on: connection)
    }

}

/// The resolver over the current rules and directory, read again only when they changed: the
/// `directory_changes` row (migration 5) is updated by every statement that writes either, in that
/// statement's transaction, so one primary-key read per call says whether the kept resolver is
/// still the one the database holds. The row is named by its count and the transaction that last
/// wrote it (`xmin`), so a database restored or failed over to an earlier count never matches a
/// resolver built before.
final class DirectoryCache: Sendable {
    private struct Kept {
        let changes: String
        let resolver: RuleResolver
        let version: String
    }

    private let kept = Mutex<Kept?>(nil)

    /// The resolver and the rules version in force for a statement run now on `connection`.
    ///
    /// The count is read before the directory, so a resolver is never labelled with a count newer
    /// than what it was built from (a change committed between the two reads is in the resolver
    /// but not the label, and the next call reads again); a change not yet committed is invisible
    /// to both, as it was when every call read the tables.
    ///
    /// Without the row (deleted by hand, left out of a restore) nothing is kept: every call reads
    /// the tables, as before the counter existed.
    func resolver(on connection: PostgresConnection) throws -> (resolver: RuleResolver, version: String) {
        let changes: String? = try connection.query("SELECT count::text || '/' || xmin::text AS changes FROM directory_changes").first?.decode(
            "changes")
        if let changes, let current = kept.withLock({ $0 }), current.changes == changes { return (current.resolver, current.version) }
        let rules = try RuleStore.current(on: connection)
        let resolver = RuleResolver(rules: rules?.rules ?? [], departments: try DepartmentStore.all(on: connection))
        let version = rules?.version ?? ""
        // Whichever build is stored last, a call uses it only when the row still reads as it did
        // before that build read the tables, so an older build stored late costs a rebuild, never a
        // stale answer.
        if let changes { kept.withLock { $0 = Kept(changes: changes, resolver: resolver, version: version) } }
        return (resolver, version)
    }
}

/// Why a ticket is sent to its holder (`TicketDelivery.event`).
enum DeliveryEvent {
    /// A new ticket.
    static let dispatched = "ticket.dispatched"
    /// A ticket moved to another holder after a return or by the 12345 centre.
    static let reassigned = "ticket.reassigned"
    /// A ticket waiting at the 12345 centre for a person to assign it.
    static let assignmentPending = "ticket.assignment_pending"
}
