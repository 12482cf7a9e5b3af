import FenliuModel
import Foundation
import Postgres
import ServiceSupport
import SwiftProtobuf

/// Writes down what happens to a ticket, in the caller's transaction: the event in its append-only
/// history, the ticket as it now stands, a signed notice to every subscriber it concerns (in order
/// per subscriber and ticket), and — for a change feedback made — the new state to routing, so the
/// two services end with the same state.
struct TicketJournal: Sendable {
    /// Where notices and hand-offs are written.
    let outbox: Outbox
    /// Tells reporting what happened.
    let reporter: EventReporter

    /// What happened.
    struct Entry {
        var kind: EventKind
        var actor: String
        var note = ""
        var eventID = ""
        var clock: DeadlineClock?
        var dueAt: Date?
        var escalations = 0
        /// Whether the supervising office hears of it too (overdue notices and escalations).
        var notifiesSupervisor = false
        /// Whether routing must learn the new state (a change feedback made, not one routing sent).
        var tellsRouting = false
    }

    /// Records `entry` for `ticket`, which already holds its new state (`previous` is the old one).
    @discardableResult
    func record(_ entry: Entry, ticket: inout FeedbackTicket, previous: TicketState, at now: Date, on connection: PostgresConnection) throws
        -> FeedbackEvent
    {
        ticket.sequence += 1
        ticket.updatedAt = now
        let event = FeedbackEvent(
            id: UUID(), ticketID: ticket.id, sequence: ticket.sequence, kind: entry.kind, state: ticket.state, previousState: previous,
            actor: entry.actor, note: entry.note, occurredAt: now, departmentID: ticket.departmentID, eventID: entry.eventID,
            clock: entry.clock, dueAt: entry.dueAt, escalations: entry.escalations,
            supervisorID: entry.notifiesSupervisor ? ticket.supervisorID : ""
        )
        try TicketStore.save(ticket, on: connection)
        try EventStore.append(event, on: connection)
        if entry.kind != .reminder {
            try AuditTrail.record(
                "ticket.\(entry.kind.rawValue.lowercased())", target: ticket.id, detail: "\(previous.rawValue) → \(ticket.state.rawValue)", on: connection)
        }
        let overdue = try TicketStore.isOverdue(ticket.id, now: now, on: connection)
        let departments = entry.notifiesSupervisor ? [ticket.departmentID, ticket.supervisorID] : [ticket.departmentID]
        // The subscribers' webhooks, the event for reporting and the status for routing: one statement.
        var batch = Outbox.Batch()
        for subscription in try SubscriptionStore.matching(ticket, departments: departments, on: connection) {
            let notice = Fenliu_Feedback_V1_StatusNotice.with {
                $0.subscriptionID = subscription.id
                $0.event = event.proto(ticket: ticket)
                $0.ticket = ticket.proto(overdue: overdue, history: [])
            }
            try batch.add(webhook: notice, for: subscription.id, orderingKey: "\(subscription.id)/\(ticket.id)")
        }
        if let reported = Self.reportingEvent(event, ticket: ticket, callback: entry.kind == .callback ? ticket.callback : nil, reporter: reporter) {
            try reporter.add([reported], to: &batch)
        }
        if entry.tellsRouting {
            try batch.add(
                RoutingAPI.updateTicketStatus,
                .with {
                    $0.ticketID = ticket.id
                    $0.status = ticket.state.proto
                    $0.sequence = ticket.sequence
                    if let due = ticket.deadlines.resolveDue { $0.resolveDueAt = Google_Protobuf_Timestamp(date: due) }
                }, orderingKey: Self.routingOrder(ticket.id))
        }
        try batch.write(on: connection)
        return event
    }

    /// Hands a return (退单) to routing, which picks the next holder and hands the ticket back.
    func handReturnToRouting(_ ticket: FeedbackTicket, reason: String, on connection: PostgresConnection) throws {
        try outbox.enqueue(
            RoutingAPI.returnTicket,
            .with {
                $0.ticketID = ticket.id
                $0.departmentID = ticket.departmentID
                $0.reason = reason
            }, orderingKey: Self.routingOrder(ticket.id), on: connection)
    }

    /// What reporting learns of an event: state changes, overdue notices, escalations, callbacks
    /// (reminders are for the holder only).
    static func reportingEvent(
        _ event: FeedbackEvent, ticket: FeedbackTicket, callback: CallbackRecord?, reporter: EventReporter
    ) -> Fenliu_Reporting_V1_Event? {
        let type: String
        switch event.kind {
        case .stateChanged, .extensionRefused, .reassigned: type = "ticket.state_changed"
        case .overdue: type = "ticket.overdue"
        case .escalation: type = "ticket.escalated"
        case .callback: type = "callback.recorded"
        case .reminder: return nil
        }
        var reported = reporter.event(type, key: [event.id.uuidString.lowercased()], at: event.occurredAt)
        reported.ticketID = ticket.id
        reported.callID = ticket.callID
        reported.category = ticket.category.proto
        reported.district = ticket.district
        reported.departmentID = event.departmentID
        reported.channel = ticket.origin?.proto ?? .unspecified
        reported.attributes["state"] = event.state.rawValue
        reported.attributes["previous_state"] = event.previousState.rawValue
        if let due = ticket.deadlines.signForDue { reported.attributes["sign_for_due"] = due.postgresText }
        if let due = ticket.deadlines.resolveDue { reported.attributes["resolve_due"] = due.postgresText }
        if let clock = event.clock { reported.attributes["clock"] = clock.rawValue }
        if let callback {
            reported.attributes["satisfaction"] = callback.satisfaction.rawValue
            reported.attributes["objects_to_diversion"] = callback.objectsToDiversion ? "true" : "false"
            reported.attributes["attempt"] = String(callback.attempts)
        }
        return reported
    }

    /// Everything feedback tells routing about one ticket goes in order.
    static func routingOrder(_ ticketID: String) -> String { "routing/\(ticketID)" }
}
