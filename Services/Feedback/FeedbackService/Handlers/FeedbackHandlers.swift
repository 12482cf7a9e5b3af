import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

/// The Connect methods of `fenliu.feedback.v1.FeedbackService`: routing's hand-over here, reports
/// from holders in `+Status`, reading in `+Queries`, subscriptions in `+Subscriptions`.
struct FeedbackHandlers: FeedbackServiceHandler {
    /// The feedback schema.
    let database: PostgresPool
    /// Writes events, notices and hand-offs.
    let journal: TicketJournal
    /// Deadlines, callbacks, the clock.
    let configuration: FeedbackConfiguration

    /// `TrackTicket`: routing hands over a new ticket, a new holder, or a ticket waiting at the
    /// 12345 centre. The deadline clocks start (or, for a new holder, the sign-for clock restarts).
    func trackTicket(
        _ request: Fenliu_Feedback_V1_TrackTicketRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Feedback_V1_TrackTicketResponse> {
        let handed = try HandedOverTicket(request)
        let journal = self.journal
        let configuration = self.configuration
        return Effect { connection in
            let now = configuration.clock.now()
            var ticket: FeedbackTicket
            if var existing = try TicketStore.find(handed.id, forUpdate: true, on: connection) {
                // A hand-over routing made before the one applied arrives late: keep the newer one.
                guard handed.assignment > existing.assignment else {
                    return .with { $0.ticket = existing.proto(overdue: false, history: []) }
                }
                let previous = existing.state
                existing.departmentID = handed.departmentID
                existing.departmentName = handed.departmentName
                existing.state = handed.state
                existing.assignment = handed.assignment
                existing.deadlines = handed.deadlines
                try journal.record(
                    .init(kind: .reassigned, actor: handed.actor, note: handed.reason), ticket: &existing, previous: previous, at: now,
                    on: connection)
                try Self.startClocks(of: existing, assigned: true, at: now, schedule: configuration.schedule, on: connection)
                ticket = existing
            } else {
                ticket = handed.ticket(at: now)
                try journal.record(
                    .init(kind: .stateChanged, actor: handed.actor, note: handed.reason), ticket: &ticket, previous: ticket.state, at: now,
                    on: connection)
                try Self.startClocks(of: ticket, assigned: false, at: now, schedule: configuration.schedule, on: connection)
            }
            return .with { $0.ticket = ticket.proto(overdue: false, history: []) }
        }
    }

    /// The clocks of a ticket routing just handed over: sign-for while a holder has it to sign for,
    /// resolve and 110's feedback from the deadlines routing set (a new holder keeps those).
    private static func startClocks(
        of ticket: FeedbackTicket, assigned: Bool, at now: Date, schedule: ClockSchedule, on connection: PostgresConnection
    ) throws {
        var starts = [ClockStore.ClockStart]()
        if ticket.state == .dispatched, let due = ticket.deadlines.signForDue {
            starts.append(.init(clock: .signFor, start: now, due: max(due, now)))
        } else {
            try ClockStore.stop([.signFor], ticketID: ticket.id, at: now, on: connection)
        }
        if !assigned, let due = ticket.deadlines.resolveDue {
            starts.append(.init(clock: .resolve, start: ticket.createdAt, due: due))
        }
        if !assigned, let due = ticket.deadlines.feedbackDue {
            starts.append(.init(clock: .feedback, start: ticket.createdAt, due: due))
        }
        try ClockStore.start(starts, ticketID: ticket.id, schedule: schedule, on: connection)
    }
}

/// A checked `TrackTicketRequest`.
struct HandedOverTicket: Sendable {
    var id: String
    var callID: String
    var incidentID: String
    var origin: Channel?
    var kind: TicketKind
    var destination: Destination
    var category: Category
    var district: String
    var departmentID: String
    var departmentName: String
    var priority: TicketPriority
    var state: TicketState
    var deadlines: Deadlines
    var createdAt: Date
    var reason: String
    var actor: String
    var assignment: Int64

    /// Checks every field and names each bad one.
    init(_ request: Fenliu_Feedback_V1_TrackTicketRequest) throws {
        var violations = [FieldViolation]()
        func required(_ value: String, _ field: String) {
            if value.isEmpty { violations.append(FieldViolation(field: field, description: "is required")) }
        }
        required(request.ticketID, "ticketId")
        required(request.callID, "callId")
        required(request.departmentID, "departmentId")
        let kind = TicketKind(proto: request.kind)
        if kind == nil { violations.append(FieldViolation(field: "kind", description: "must be WORK_ORDER, POLICE_TICKET or ALERT")) }
        let destination = Destination(proto: request.destination)
        if destination == nil { violations.append(FieldViolation(field: "destination", description: "must be a destination")) }
        let category = Category(proto: request.category)
        if category == nil { violations.append(FieldViolation(field: "category", description: "must be a catalogue category")) }
        let priority = TicketPriority(proto: request.priority)
        if priority == nil { violations.append(FieldViolation(field: "priority", description: "must be a priority")) }
        let state = TicketState(proto: request.state)
        if state == nil || ![.pendingAssignment, .dispatched, .inArbitration].contains(state!) {
            violations.append(FieldViolation(field: "state", description: "must be PENDING_ASSIGNMENT, DISPATCHED or IN_ARBITRATION"))
        }
        if request.assignment < 1 { violations.append(FieldViolation(field: "assignment", description: "must be at least 1")) }
        guard violations.isEmpty, let kind, let destination, let category, let priority, let state else {
            throw FeedbackError.invalidFields(violations)
        }
        id = request.ticketID
        callID = request.callID
        incidentID = request.incidentID.isEmpty ? request.callID : request.incidentID
        origin = Channel(proto: request.origin)
        self.kind = kind
        self.destination = destination
        self.category = category
        district = request.district
        departmentID = request.departmentID
        departmentName = request.departmentName
        self.priority = priority
        self.state = state
        deadlines = Deadlines(
            signForDue: request.hasSignForDueAt ? request.signForDueAt.date : nil,
            resolveDue: request.hasResolveDueAt ? request.resolveDueAt.date : nil,
            feedbackDue: request.hasFeedbackDueAt ? request.feedbackDueAt.date : nil
        )
        createdAt = request.hasCreatedAt ? request.createdAt.date : Date()
        reason = request.reason
        actor = request.actor.isEmpty ? "routing" : request.actor
        assignment = request.assignment
    }

    /// A new ticket as feedback starts following it.
    func ticket(at now: Date) -> FeedbackTicket {
        FeedbackTicket(
            id: id, callID: callID, incidentID: incidentID, origin: origin, kind: kind, destination: destination, category: category,
            district: district, departmentID: departmentID, departmentName: departmentName, priority: priority, state: state,
            deadlines: deadlines, createdAt: createdAt, updatedAt: now, result: "", assignment: assignment, sequence: 0,
            pendingExtension: nil, callback: nil
        )
    }
}
