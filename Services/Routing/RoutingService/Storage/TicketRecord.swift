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
    var departmentID: String
    var assignedAt: Date
    var reason: String
    var actor: String
}

/// A ticket as stored, with what the queries join to it.
struct TicketRecord: Sendable {
    var id: String
    var callID: String
    var kind: TicketKind
    var destination: Destination
    var category: Category
    var district: String
    var departmentID: String
    var departmentName: String
    var priority: TicketPriority
    var state: TicketState
    var createdAt: Date
    var deadlines: Deadlines
    var returnCount: Int
    var summary: String
    var rulesVersion: String
    var deliveryStatus: DeliveryStatus
    var history: [AssignmentRecord]

    /// Where the ticket stands in its queue.
    var queueKey: QueueKey { QueueKey(priority: priority, createdAt: createdAt, id: id) }
}

/// A ticket about to be stored.
struct NewTicket: Sendable {
    var id: String
    var callID: String
    var plan: PlannedTicket
    var category: Category
    var district: String
    var createdAt: Date
    var deadlines: Deadlines
    var summary: String
    var channel: String
    var needsReview: Bool
    var rulesVersion: String
}
