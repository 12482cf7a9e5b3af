import FenliuModel
import Foundation
import Postgres
import ServiceSupport

extension TicketRecord {
    /// The facts every ticket event carries.
    private func event(_ type: String, _ reporter: EventReporter, key: [String] = [], at time: Date) -> Fenliu_Reporting_V1_Event {
        var event = reporter.event(type, key: [id] + key, at: time)
        event.ticketID = id
        event.callID = callID
        event.category = category.proto
        event.district = district
        event.departmentID = departmentID
        event.channel = channel?.proto ?? .unspecified
        if !departmentName.isEmpty { event.attributes["department_name"] = departmentName }
        return event
    }

    /// A new ticket, with what its figures need: kind, destination, priority and deadlines.
    func createdEvent(_ reporter: EventReporter) -> Fenliu_Reporting_V1_Event {
        var event = event("ticket.created", reporter, at: createdAt)
        event.attributes["kind"] = kind.rawValue
        event.attributes["destination"] = destination.code
        event.attributes["priority"] = priority.code
        event.attributes["incident_id"] = incidentID
        event.attributes["state"] = state.rawValue
        if let due = deadlines.signForDue { event.attributes["sign_for_due"] = due.postgresText }
        if let due = deadlines.resolveDue { event.attributes["resolve_due"] = due.postgresText }
        return event
    }

    /// A new holder after a return or by the 12345 centre; `assignment` numbers it.
    func reassignedEvent(_ reporter: EventReporter, from previous: String, reason: String, returned: Bool, at time: Date) -> Fenliu_Reporting_V1_Event {
        var event = event("ticket.reassigned", reporter, key: [String(history.count)], at: time)
        event.attributes["from_department"] = previous
        event.attributes["reason"] = reason
        event.attributes["returned"] = returned ? "true" : "false"
        event.attributes["state"] = state.rawValue
        if let due = deadlines.signForDue { event.attributes["sign_for_due"] = due.postgresText }
        return event
    }

    /// The holder's system acknowledged the ticket.
    func deliveredEvent(_ reporter: EventReporter, message: UUID, at time: Date) -> Fenliu_Reporting_V1_Event {
        event("ticket.delivered", reporter, key: [message.uuidString.lowercased()], at: time)
    }
}
