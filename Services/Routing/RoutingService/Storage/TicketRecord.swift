import FenliuModel
import Foundation

/// Whether a ticket reached its destination system, read from the outbox row that carries it.
enum DeliveryStatus: String, Sendable {
    /// Queued, or waiting for its department to get an endpoint.
    case pending = "PENDING"
    /// Acknowledged by the destination system.
    case delivered = "DELIVERED"
    /// Attempts failed (receiver down, or refused and parked for an operator); still undelivered.
    case retrying = "RETRYING"
}

/// One entry of a ticket's assignment history.
struct AssignmentRecord: Sendable {
    /// The department holding it.
    var departmentID: String
    /// When.
    var assignedAt: Date
    /// Why this department.
    var reason: String
    /// Who decided (`routing` for the rules).
    var actor: String
}

/// A ticket as stored, with what the queries join to it.
struct TicketRecord: Sendable {
    /// Its id.
    var id: String
    /// The call that opened it.
    var callID: String
    /// The first call of its incident (the call itself, or the one it repeats).
    var incidentID: String
    /// The line the opening call came in on, when known.
    var channel: Channel?
    /// Work order, police ticket or alert.
    var kind: TicketKind
    /// Where it goes.
    var destination: Destination
    /// The matter.
    var category: Category
    /// The district code, or empty.
    var district: String
    /// The department holding it.
    var departmentID: String
    /// That department's name.
    var departmentName: String
    /// How soon it is served.
    var priority: TicketPriority
    /// Where it stands.
    var state: TicketState
    /// When it was created (its age in the queue).
    var createdAt: Date
    /// Its deadlines.
    var deadlines: Deadlines
    /// How often it was returned.
    var returnCount: Int
    /// What the caller said, in short.
    var summary: String
    /// The rules version it was routed by.
    var rulesVersion: String
    /// Whether its department's system has it.
    var deliveryStatus: DeliveryStatus
    /// Every assignment, oldest first.
    var history: [AssignmentRecord]

    /// Where the ticket stands in its queue.
    var queueKey: QueueKey { QueueKey(priority: priority, createdAt: createdAt, id: id) }
}

/// A ticket about to be stored.
struct NewTicket: Sendable {
    /// Its id.
    var id: String
    /// The call that opened it.
    var callID: String
    /// The first call of its incident.
    var incidentID: String
    /// What the planner decided.
    var plan: PlannedTicket
    /// The matter.
    var category: Category
    /// The district code, or empty.
    var district: String
    /// When it was created (its age in the queue).
    var createdAt: Date
    /// Its deadlines.
    var deadlines: Deadlines
    /// What the caller said, in short.
    var summary: String
    /// The line the call came in on (code), or empty.
    var channel: String
    /// Whether classification still reviews the call.
    var needsReview: Bool
    /// The rules version it was routed by.
    var rulesVersion: String
}
