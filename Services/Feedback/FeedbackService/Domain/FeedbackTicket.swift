import FenliuModel
import Foundation

/// A ticket as feedback follows it.
struct FeedbackTicket: Sendable, Equatable {
    var id: String
    var callID: String
    /// The first call of its incident.
    var incidentID: String
    /// The line of the call that opened it.
    var origin: Channel?
    var kind: TicketKind
    var destination: Destination
    var category: Category
    var district: String
    /// The holder.
    var departmentID: String
    var departmentName: String
    var priority: TicketPriority
    var state: TicketState
    var deadlines: Deadlines
    var createdAt: Date
    var updatedAt: Date
    /// The holder's result (办结).
    var result: String
    /// Routing's count of assignments applied (older hand-overs are ignored).
    var assignment: Int64
    /// How many events the ticket has had.
    var sequence: Int64
    var pendingExtension: PendingExtension?
    var callback: CallbackRecord?

    /// The office that hears when a deadline passes: the 12345 centre for work orders, 110's duty
    /// office for police tickets and alerts.
    var supervisorID: String {
        kind == .workOrder ? "municipal-12345" : "police-110"
    }
}

/// An extension asked for (延期).
struct PendingExtension: Sendable, Equatable {
    var until: Date
    var reason: String
    var requestedBy: String
    var requestedAt: Date
    /// Where a refusal puts the ticket back.
    var stateBefore: TicketState
}

/// The callback so far (回访).
struct CallbackRecord: Sendable, Equatable {
    var satisfaction: Satisfaction
    var comment: String
    var objectsToDiversion: Bool
    var attempts: Int
    var recordedAt: Date
    var nextAttemptDue: Date?
}

/// One entry of a ticket's history.
struct FeedbackEvent: Sendable, Equatable {
    var id: UUID
    var ticketID: String
    var sequence: Int64
    var kind: EventKind
    var state: TicketState
    var previousState: TicketState
    var actor: String
    var note: String
    var occurredAt: Date
    var departmentID: String
    var eventID: String
    var clock: DeadlineClock?
    var dueAt: Date?
    var escalations: Int
    var supervisorID: String
}
