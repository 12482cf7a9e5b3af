import FenliuModel
import Foundation
import Postgres
import ServiceSupport

/// The Connect methods of `fenliu.routing.v1.RoutingService`: routing here and in `+Route`, the
/// ticket lifecycle routing owns (returns, manual assignment) in `+Tickets`, the directory in
/// `+Directory`.
struct RoutingHandlers: RoutingServiceHandler {
    /// The routing schema.
    let database: PostgresPool
    /// Where ticket deliveries are written, in the ticket's transaction.
    let outbox: Outbox
    /// Deadlines, calendar and returns.
    let policy: RoutingPolicy
    /// Tells reporting about tickets (in their transactions).
    let reporter: EventReporter

    /// Hands the ticket over, in the caller's transaction: to its holder's system (a signed webhook)
    /// and to feedback, which follows what happens to it from here (`TrackTicket`, in order per
    /// ticket). An earlier message to a previous holder that is not delivered yet is withdrawn. The
    /// webhook names the department, not a URL: the endpoint and secret are looked up when it is
    /// sent (`RoutingModule.webhookEndpoint(for:)`), so a department without an endpoint yet gets its
    /// tickets as soon as `UpsertDepartment` gives it one.
    static func handOver(_ ticketID: String, event: String, outbox: Outbox, on connection: PostgresConnection) throws {
        guard let ticket = try TicketStore.find(ticketID, on: connection) else { throw RoutingError.ticketNotFound(ticketID) }
        if let previous = try connection.query("SELECT outbox_id FROM tickets WHERE id = \(ticketID)").first?.decode("outbox_id", as: UUID?.self) {
            try Outbox.cancel(previous, on: connection)
        }
        try handOverFirst(ticket, event: event, outbox: outbox, on: connection)
    }

    /// `handOver` for a ticket just created and read back: nothing was handed over before, so
    /// there is nothing to withdraw, and the record the caller holds is current (`Route` read each
    /// new ticket three more times before).
    static func handOverFirst(_ ticket: TicketRecord, event: String, outbox: Outbox, on connection: PostgresConnection) throws {
        let id = try outbox.enqueue(webhook: ticket.delivery(event: event), for: ticket.departmentID, on: connection)
        try TicketStore.setDelivery(ticket.id, outboxID: id, on: connection)
        try outbox.enqueue(FeedbackAPI.trackTicket, ticket.trackRequest, orderingKey: "feedback/\(ticket.id)", on: connection)
    }

    /// The resolver over the current rules and directory.
    static func resolver(on connection: PostgresConnection) throws -> (resolver: RuleResolver, version: String) {
        let rules = try RuleStore.current(on: connection)
        return (RuleResolver(rules: rules?.rules ?? [], departments: try DepartmentStore.all(on: connection)), rules?.version ?? "")
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
