import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension FeedbackHandlers {
    /// `ReportStatus`: a holder's system reports progress. A report whose `eventId` was applied
    /// before answers the ticket as it stands and changes nothing.
    func reportStatus(
        _ request: Fenliu_Feedback_V1_ReportStatusRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Feedback_V1_ReportStatusResponse> {
        var violations = Self.commonViolations(ticketID: request.ticketID, eventID: request.eventID, actor: request.actor, note: request.note)
        let wanted = TicketState(proto: request.state)
        if wanted == nil || !TicketLifecycle.reportable.contains(wanted!) {
            violations.append(
                FieldViolation(
                    field: "state",
                    description: "must be ACCEPTED, IN_PROGRESS, RESOLVED, RETURNED or CLOSED (extensions and callbacks have their own methods)"))
        }
        let note = request.note.trimmingCharacters(in: .whitespacesAndNewlines)
        if wanted == .resolved && note.isEmpty { violations.append(FieldViolation(field: "note", description: "is required: the result (办结)")) }
        if wanted == .returned && note.isEmpty { violations.append(FieldViolation(field: "note", description: "is required: why it is returned (退单)")) }
        guard violations.isEmpty, let wanted else { throw FeedbackError.invalidFields(violations) }
        let journal = self.journal
        let configuration = self.configuration
        return Effect { connection in
            var ticket = try Self.lockedTicket(request.ticketID, on: connection)
            if let earlier = try EventStore.find(ticketID: ticket.id, eventID: request.eventID, on: connection) {
                return .with {
                    $0.ticket = ticket.proto(overdue: false, history: [])
                    $0.event = earlier.proto(ticket: ticket)
                }
            }
            guard let next = TicketLifecycle.next(after: ticket.state, report: wanted, kind: ticket.kind) else {
                if wanted == .returned, ticket.kind != .workOrder {
                    // Not a matter of the state: only a 12345 work order moves between departments.
                    throw FeedbackError.notApplicable(
                        "ticket \(ticket.id) is a \(ticket.kind.rawValue): only 12345 work orders are returned; police tickets and alerts stay with their service"
                    )
                }
                throw FeedbackError.illegalTransition(ticketID: ticket.id, current: ticket.state, wanted: wanted.rawValue)
            }
            let now = configuration.clock.now()
            let previous = ticket.state
            ticket.state = next
            var stopped = TicketLifecycle.clocksStopped(by: next)
            // Any report from the holder is the feedback 110 owed 12345.
            stopped.insert(.feedback)
            try ClockStore.stop(stopped, ticketID: ticket.id, at: now, on: connection)
            if next == .resolved {
                ticket.result = note
                if ticket.kind == .workOrder {
                    try ClockStore.start(
                        .callback, ticketID: ticket.id, at: now, due: now.addingTimeInterval(configuration.callbackWindow),
                        schedule: configuration.schedule, on: connection)
                }
            }
            let event = try journal.record(
                .init(kind: .stateChanged, actor: request.actor, note: note, eventID: request.eventID, tellsRouting: next != .returned),
                ticket: &ticket, previous: previous, at: now, on: connection)
            if next == .returned {
                try journal.handReturnToRouting(ticket, reason: note, on: connection)
            }
            let overdue = try TicketStore.isOverdue(ticket.id, now: now, on: connection)
            return .with {
                $0.ticket = ticket.proto(overdue: overdue, history: [])
                $0.event = event.proto(ticket: ticket)
            }
        }
    }

    /// `RequestExtension`: the holder asks for a later resolve deadline.
    func requestExtension(
        _ request: Fenliu_Feedback_V1_RequestExtensionRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Feedback_V1_RequestExtensionResponse> {
        var violations = Self.commonViolations(
            ticketID: request.ticketID, eventID: request.eventID, actor: request.actor, note: request.reason, noteField: "reason")
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { violations.append(FieldViolation(field: "reason", description: "is required: why more time is needed")) }
        if !request.hasUntil { violations.append(FieldViolation(field: "until", description: "is required: the resolve deadline asked for")) }
        guard violations.isEmpty else { throw FeedbackError.invalidFields(violations) }
        let until = request.until.date
        let journal = self.journal
        let configuration = self.configuration
        return Effect { connection in
            var ticket = try Self.lockedTicket(request.ticketID, on: connection)
            if try EventStore.find(ticketID: ticket.id, eventID: request.eventID, on: connection) != nil {
                return .with { $0.ticket = ticket.proto(overdue: false, history: []) }
            }
            guard TicketLifecycle.canRequestExtension(from: ticket.state) else {
                throw FeedbackError.illegalTransition(ticketID: ticket.id, current: ticket.state, wanted: TicketState.extensionRequested.rawValue)
            }
            let now = configuration.clock.now()
            if let problem = Self.extensionProblem(until, ticket: ticket, now: now) { throw FeedbackError.invalidField("until", problem) }
            let previous = ticket.state
            ticket.pendingExtension = PendingExtension(until: until, reason: reason, requestedBy: request.actor, requestedAt: now, stateBefore: previous)
            ticket.state = .extensionRequested
            try journal.record(
                .init(kind: .stateChanged, actor: request.actor, note: reason, eventID: request.eventID, dueAt: until, tellsRouting: true),
                ticket: &ticket, previous: previous, at: now, on: connection)
            let overdue = try TicketStore.isOverdue(ticket.id, now: now, on: connection)
            return .with { $0.ticket = ticket.proto(overdue: overdue, history: []) }
        }
    }

    /// The longest an extension may reach, from now: a year — past it a deadline is no deadline.
    static let longestExtension: TimeInterval = 366 * 86_400

    /// What is wrong with `until` as a new resolve deadline for `ticket`, asked for or granted: it
    /// must move the deadline later (the centre may grant less than was asked, never a shorter
    /// deadline than the one standing), and lie within `longestExtension`.
    static func extensionProblem(_ until: Date, ticket: FeedbackTicket, now: Date) -> String? {
        if until <= now { return "must be in the future" }
        if let due = ticket.deadlines.resolveDue, until <= due { return "must be later than the current resolve deadline" }
        if until.timeIntervalSince(now) > longestExtension { return "must be within \(Int(longestExtension / 86_400)) days from now" }
        return nil
    }

    /// `ApproveExtension`: the 12345 centre grants the extension; the resolve deadline moves.
    func approveExtension(
        _ request: Fenliu_Feedback_V1_ApproveExtensionRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Feedback_V1_ApproveExtensionResponse> {
        let violations = Self.commonViolations(ticketID: request.ticketID, eventID: "", actor: request.actor, note: request.note)
        guard violations.isEmpty else { throw FeedbackError.invalidFields(violations) }
        let journal = self.journal
        let configuration = self.configuration
        return Effect { connection in
            var ticket = try Self.lockedTicket(request.ticketID, on: connection)
            guard ticket.state == .extensionRequested, let pending = ticket.pendingExtension else {
                throw FeedbackError.illegalTransition(ticketID: ticket.id, current: ticket.state, wanted: TicketState.extended.rawValue)
            }
            let now = configuration.clock.now()
            let until = request.hasUntil ? request.until.date : pending.until
            if let problem = Self.extensionProblem(until, ticket: ticket, now: now) {
                // Granting what was asked, when that no longer qualifies (it has passed): say so, and
                // that a grant may name its own date.
                throw FeedbackError.invalidField(
                    "until",
                    request.hasUntil ? problem : "the deadline asked for \(problem.replacingOccurrences(of: "must", with: "must now")); approve with until")
            }
            let previous = ticket.state
            ticket.state = .extended
            ticket.deadlines.resolveDue = until
            try ClockStore.start(.resolve, ticketID: ticket.id, at: now, due: until, schedule: configuration.schedule, on: connection)
            try journal.record(
                .init(kind: .stateChanged, actor: request.actor, note: request.note, clock: .resolve, dueAt: until, tellsRouting: true),
                ticket: &ticket, previous: previous, at: now, on: connection)
            let overdue = try TicketStore.isOverdue(ticket.id, now: now, on: connection)
            return .with { $0.ticket = ticket.proto(overdue: overdue, history: []) }
        }
    }

    /// `RefuseExtension`: the ticket goes back to where it was; the deadline stands.
    func refuseExtension(
        _ request: Fenliu_Feedback_V1_RefuseExtensionRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Feedback_V1_RefuseExtensionResponse> {
        var violations = Self.commonViolations(ticketID: request.ticketID, eventID: "", actor: request.actor, note: request.reason, noteField: "reason")
        if request.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            violations.append(FieldViolation(field: "reason", description: "is required: why the extension is refused"))
        }
        guard violations.isEmpty else { throw FeedbackError.invalidFields(violations) }
        let journal = self.journal
        let configuration = self.configuration
        return Effect { connection in
            var ticket = try Self.lockedTicket(request.ticketID, on: connection)
            guard ticket.state == .extensionRequested, let pending = ticket.pendingExtension else {
                throw FeedbackError.illegalTransition(ticketID: ticket.id, current: ticket.state, wanted: "refusing an extension")
            }
            let now = configuration.clock.now()
            let previous = ticket.state
            ticket.state = pending.stateBefore
            try journal.record(
                .init(kind: .extensionRefused, actor: request.actor, note: request.reason, tellsRouting: true),
                ticket: &ticket, previous: previous, at: now, on: connection)
            let overdue = try TicketStore.isOverdue(ticket.id, now: now, on: connection)
            return .with { $0.ticket = ticket.proto(overdue: overdue, history: []) }
        }
    }

    /// `RecordCallback` (回访). Satisfied or basically satisfied: the callback is done (and the ticket
    /// closed when so configured). Not satisfied: the ticket reopens with the same holder and a new
    /// resolve deadline (when so configured). Unreachable: another attempt is scheduled, and after
    /// the last one the callback counts as done, unreached.
    func recordCallback(
        _ request: Fenliu_Feedback_V1_RecordCallbackRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Feedback_V1_RecordCallbackResponse> {
        var violations = Self.commonViolations(
            ticketID: request.ticketID, eventID: request.eventID, actor: request.actor, note: request.comment, noteField: "comment")
        let satisfaction = Satisfaction(proto: request.satisfaction)
        if satisfaction == nil {
            violations.append(
                FieldViolation(
                    field: "satisfaction", description: "must be SATISFIED, BASICALLY_SATISFIED, NOT_SATISFIED or UNREACHABLE"))
        }
        guard violations.isEmpty, let satisfaction else { throw FeedbackError.invalidFields(violations) }
        let journal = self.journal
        let configuration = self.configuration
        return Effect { connection in
            var ticket = try Self.lockedTicket(request.ticketID, on: connection)
            if try EventStore.find(ticketID: ticket.id, eventID: request.eventID, on: connection) != nil {
                return .with { $0.ticket = ticket.proto(overdue: false, history: []) }
            }
            guard TicketLifecycle.canRecordCallback(state: ticket.state, kind: ticket.kind) else {
                if ticket.kind != .workOrder {
                    throw FeedbackError.notApplicable("ticket \(ticket.id) is a \(ticket.kind.rawValue): only 12345 work orders get a callback")
                }
                throw FeedbackError.illegalTransition(ticketID: ticket.id, current: ticket.state, wanted: "a callback")
            }
            if request.objectsToDiversion, ticket.origin != .police110 {
                // Only a 110 call sent to 12345 was diverted; the bulletin counts these objections.
                throw FeedbackError.invalidField(
                    "objectsToDiversion", "only a call that came in on 110 was diverted; this ticket's call came in on \(ticket.origin?.code ?? "no line")")
            }
            let now = configuration.clock.now()
            // Attempts count for this resolution's callback: they follow an unreachable attempt and
            // start again after a callback that reached the caller (a reopened ticket resolved anew).
            let attempts = ticket.callback.map { $0.satisfaction == .unreachable ? $0.attempts + 1 : 1 } ?? 1
            var record = CallbackRecord(
                satisfaction: satisfaction, comment: request.comment, objectsToDiversion: request.objectsToDiversion, attempts: attempts,
                recordedAt: now, nextAttemptDue: nil)
            let objection = request.objectsToDiversion ? "; the caller objects to having been diverted from 110" : ""
            let note = "\(satisfaction.rawValue) (attempt \(attempts))\(request.comment.isEmpty ? "" : ": \(request.comment)")\(objection)"
            let previous = ticket.state
            var entry = TicketJournal.Entry(kind: .callback, actor: request.actor, note: note, eventID: request.eventID)
            switch satisfaction {
            case .unreachable where attempts < configuration.callbackAttempts:
                let next = now.addingTimeInterval(configuration.callbackRetryInterval)
                record.nextAttemptDue = next
                ticket.callback = record
                try ClockStore.start(.callback, ticketID: ticket.id, at: now, due: next, schedule: configuration.schedule, on: connection)
                entry.clock = .callback
                entry.dueAt = next
            case .notSatisfied where configuration.reopensOnDissatisfaction:
                ticket.callback = record
                ticket.state = .reopened
                let rule = configuration.deadlines.rules[ticket.priority] ?? DeadlinePolicy.standard.rules[.normal]!
                let due = rule.resolve.deadline(from: now, calendar: configuration.deadlines.calendar)
                ticket.deadlines.resolveDue = due
                try ClockStore.stop([.callback], ticketID: ticket.id, at: now, on: connection)
                try ClockStore.start(.resolve, ticketID: ticket.id, at: now, due: due, schedule: configuration.schedule, on: connection)
                entry.clock = .resolve
                entry.dueAt = due
                entry.tellsRouting = true
            default:
                ticket.callback = record
                ticket.state = .callbackDone
                try ClockStore.stop(TicketLifecycle.clocksStopped(by: .callbackDone), ticketID: ticket.id, at: now, on: connection)
                entry.tellsRouting = true
            }
            try journal.record(entry, ticket: &ticket, previous: previous, at: now, on: connection)
            if ticket.state == .callbackDone && configuration.closesAfterCallback {
                ticket.state = .closed
                try journal.record(
                    .init(kind: .stateChanged, actor: "feedback", note: "closed after the callback", tellsRouting: true),
                    ticket: &ticket, previous: .callbackDone, at: now, on: connection)
            }
            let overdue = try TicketStore.isOverdue(ticket.id, now: now, on: connection)
            return .with { $0.ticket = ticket.proto(overdue: overdue, history: []) }
        }
    }

    /// The ticket, locked for the change, or `not_found`.
    static func lockedTicket(_ id: String, on connection: PostgresConnection) throws -> FeedbackTicket {
        // A ticket the caller may not see is not found, so ids cannot be probed.
        guard let ticket = try TicketStore.find(id, forUpdate: true, on: connection),
            Visibility.current.sees(department: ticket.departmentID, channel: ticket.origin)
        else { throw FeedbackError.ticketNotFound(id) }
        return ticket
    }

    /// The checks every change request shares: a ticket id, who acts, bounded ids and notes.
    static func commonViolations(ticketID: String, eventID: String, actor: String, note: String, noteField: String = "note") -> [FieldViolation] {
        var violations = [FieldViolation]()
        if ticketID.isEmpty { violations.append(FieldViolation(field: "ticketId", description: "is required")) }
        if actor.trimmingCharacters(in: .whitespaces).isEmpty {
            violations.append(FieldViolation(field: "actor", description: "is required: who reports (a department id or a person)"))
        } else if let violation = FieldViolation.text(actor, field: "actor", maximum: TextLimits.identifier) {
            violations.append(violation)
        }
        violations += [
            FieldViolation.text(eventID, field: "eventId", maximum: TextLimits.identifier),
            FieldViolation.text(note, field: noteField, maximum: TextLimits.note, allowingLineBreaks: true),
        ].compactMap { $0 }
        return violations
    }
}
