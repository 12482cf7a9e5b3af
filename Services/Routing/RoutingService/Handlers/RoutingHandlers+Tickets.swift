import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension RoutingHandlers {
    /// Most call ids one `ListTickets` request may name.
    static let maximumCallIDs = 1000

    /// `GetTicket`.
    func getTicket(_ request: Fenliu_Routing_V1_GetTicketRequest, context: RPCContext) async throws -> Fenliu_Routing_V1_GetTicketResponse {
        guard !request.id.isEmpty else { throw RoutingError.invalidField("id", "is required") }
        let id = request.id
        // A ticket the caller may not see is not found, so ids cannot be probed.
        guard let ticket = try await database.withConnection({ try TicketStore.find(id, on: $0) }),
            Visibility.current.sees(department: ticket.departmentID, channel: ticket.channel)
        else {
            throw RoutingError.ticketNotFound(id)
        }
        return .with { $0.ticket = ticket.proto }
    }

    /// `ListTickets`: a queue in priority-then-age order, filtered and paged.
    func listTickets(_ request: Fenliu_Routing_V1_ListTicketsRequest, context: RPCContext) async throws -> Fenliu_Routing_V1_ListTicketsResponse {
        var query = TicketQuery()
        query.callID = request.callID
        guard request.callIds.count <= Self.maximumCallIDs else {
            throw RoutingError.invalidField("callIds", "lists at most \(Self.maximumCallIDs) call ids")
        }
        query.callIDs = request.callIds
        query.departmentID = request.departmentID
        if request.destination != .unspecified {
            guard let destination = Destination(proto: request.destination) else { throw RoutingError.invalidField("destination", "is not a destination") }
            query.destination = destination
        }
        if request.status != .unspecified {
            guard let state = TicketState(proto: request.status) else { throw RoutingError.invalidField("status", "is not a ticket status") }
            query.state = state
        }
        if request.priority != .unspecified {
            guard let priority = TicketPriority(rawValue: request.priority.rawValue) else { throw RoutingError.invalidField("priority", "is not a priority") }
            query.priority = priority
        }
        query.limit = try PageSize.resolve(request.pageSize, default: 50, maximum: 500)
        query.after = try query.key(from: request.pageToken)
        let finalQuery = query
        let page = try await database.withConnection { try finalQuery.page(on: $0) }
        return .with {
            $0.tickets = page.tickets.map(\.proto)
            if page.hasMore, let last = page.tickets.last { $0.nextPageToken = finalQuery.token(after: last.queueKey).encoded }
        }
    }

    /// `ReturnTicket` (退单): the holding department gives the work order back with a reason. It goes
    /// to the next department by the rules, or to the 12345 centre; after the configured number of
    /// returns, to arbitration. The dispute records every department involved and every reason.
    func returnTicket(
        _ request: Fenliu_Routing_V1_ReturnTicketRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Routing_V1_ReturnTicketResponse> {
        var violations = [FieldViolation]()
        if request.ticketID.isEmpty { violations.append(.init(field: "ticketId", description: "is required")) }
        if request.departmentID.isEmpty { violations.append(.init(field: "departmentId", description: "is required: the department returning the ticket")) }
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { violations.append(.init(field: "reason", description: "is required: say why the department cannot handle it")) }
        if let violation = FieldViolation.text(reason, field: "reason", maximum: TextLimits.note, allowingLineBreaks: true) { violations.append(violation) }
        guard violations.isEmpty else { throw RoutingError.invalidFields(violations) }
        let returns = policy.returns
        let deadlines = policy.deadlines
        let reporter = self.reporter
        let directory = self.directory
        return Effect { connection in
            guard let ticket = try TicketStore.find(request.ticketID, forUpdate: true, on: connection) else {
                throw RoutingError.ticketNotFound(request.ticketID)
            }
            try AuditTrail.record("ticket.returned", target: ticket.id, detail: ticket.departmentID, on: connection)
            do throws(ReturnPolicy.Refusal) {
                try returns.check(kind: ticket.kind, state: ticket.state, holder: ticket.departmentID, departmentID: request.departmentID)
            } catch {
                throw error.routingError
            }
            let count = ticket.returnCount + 1
            let tried = Set(ticket.history.map(\.departmentID))
            let next = try directory.resolver(on: connection).resolver.next(category: ticket.category, district: ticket.district, excluding: tried)
            let outcome = returns.outcome(returnCount: count, next: next)
            let note = "returned by \(request.departmentID): \(reason)"
            let holder: String
            let state: TicketState
            let why: String
            switch outcome {
            case .reassigned(let departmentID):
                (holder, state, why) = (departmentID, .dispatched, "\(note); next by \(next.step.rawValue)")
            case .pendingAssignment:
                (holder, state, why) = (
                    Department.municipalCentreID, .pendingAssignment, "\(note); no other department by the rules, waiting for manual assignment"
                )
            case .arbitration:
                (holder, state, why) = (Department.municipalCentreID, .inArbitration, "\(note); returned \(count) times, the 12345 centre arbitrates")
            }
            let signForDue = state == .dispatched ? deadlines.signForDue(priority: ticket.priority, from: Date()) : nil
            try TicketStore.reassign(ticket.id, to: holder, state: state, returnCount: count, signForDue: signForDue, on: connection)
            try TicketStore.recordAssignment(ticketID: ticket.id, departmentID: holder, reason: why, actor: request.departmentID, on: connection)
            try DisputeStore.recordReturn(of: ticket, by: request.departmentID, reason: reason, arbitration: outcome == .arbitration, on: connection)
            if case .reassigned(let departmentID) = outcome {
                try DisputeStore.addDepartment(departmentID, toDisputeOf: ticket.id, on: connection)
            }
            let event = state == .dispatched ? DeliveryEvent.reassigned : DeliveryEvent.assignmentPending
            try Self.handOver(ticket.id, event: event, on: connection)
            guard let updated = try TicketStore.find(ticket.id, on: connection) else { throw RoutingError.ticketNotFound(ticket.id) }
            try reporter.report(
                [updated.reassignedEvent(reporter, from: ticket.departmentID, reason: reason, returned: true, at: Date())], on: connection)
            return Fenliu_Routing_V1_ReturnTicketResponse.with { $0.ticket = updated.proto }
        }
    }

    /// `AssignTicket`: the 12345 centre gives a work order to a department by hand, after a return or
    /// as its arbitration decision.
    func assignTicket(
        _ request: Fenliu_Routing_V1_AssignTicketRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Routing_V1_AssignTicketResponse> {
        var violations = [FieldViolation]()
        if request.ticketID.isEmpty { violations.append(.init(field: "ticketId", description: "is required")) }
        if request.departmentID.isEmpty { violations.append(.init(field: "departmentId", description: "is required")) }
        if request.actor.trimmingCharacters(in: .whitespaces).isEmpty { violations.append(.init(field: "actor", description: "is required: who decided")) }
        if let violation = FieldViolation.text(request.actor, field: "actor", maximum: TextLimits.identifier) { violations.append(violation) }
        if let violation = FieldViolation.text(request.note, field: "note", maximum: TextLimits.note, allowingLineBreaks: true) { violations.append(violation) }
        guard violations.isEmpty else { throw RoutingError.invalidFields(violations) }
        let deadlines = policy.deadlines
        let reporter = self.reporter
        return Effect { connection in
            guard let ticket = try TicketStore.find(request.ticketID, forUpdate: true, on: connection) else {
                throw RoutingError.ticketNotFound(request.ticketID)
            }
            try AuditTrail.record("ticket.assigned", target: ticket.id, detail: request.departmentID, on: connection)
            guard ticket.kind == .workOrder else {
                throw RoutingError.precondition("only 12345 work orders are assigned by hand; police tickets and alerts stay with their agency")
            }
            guard !ticket.state.isFinished else { throw RoutingError.precondition("a ticket in state \(ticket.state.rawValue) cannot be reassigned") }
            guard let department = try DepartmentStore.find(request.departmentID, on: connection) else {
                throw RoutingError.departmentNotFound(request.departmentID)
            }
            guard department.isActive else { throw RoutingError.precondition("department \"\(department.id)\" is inactive") }
            // A work order goes to a department that does the work: not to 110, 119 or 120 (a police
            // matter is routed as one, never handed over as a work order), nor back to the 12345
            // centre, which assigns rather than holds.
            guard !DirectoryValidation.emergencyServiceIDs.contains(department.id), department.id != Department.municipalCentreID else {
                throw RoutingError.invalidFields([
                    FieldViolation(
                        field: "departmentId",
                        description: "\(department.id) does not take 12345 work orders; assign a department that does the work")
                ])
            }
            let reason = request.note.isEmpty ? "assigned by the 12345 centre" : "assigned by the 12345 centre: \(request.note)"
            let signForDue = deadlines.signForDue(priority: ticket.priority, from: Date())
            try TicketStore.reassign(
                ticket.id, to: department.id, state: .dispatched, returnCount: ticket.returnCount, signForDue: signForDue, on: connection)
            try TicketStore.recordAssignment(ticketID: ticket.id, departmentID: department.id, reason: reason, actor: request.actor, on: connection)
            try DisputeStore.addDepartment(department.id, toDisputeOf: ticket.id, on: connection)
            try Self.handOver(ticket.id, event: DeliveryEvent.reassigned, on: connection)
            guard let updated = try TicketStore.find(ticket.id, on: connection) else { throw RoutingError.ticketNotFound(ticket.id) }
            try reporter.report(
                [updated.reassignedEvent(reporter, from: ticket.departmentID, reason: reason, returned: false, at: Date())], on: connection)
            return Fenliu_Routing_V1_AssignTicketResponse.with { $0.ticket = updated.proto }
        }
    }

    /// `UpdateTicketStatus`: feedback's hand-off of a state it moved the ticket to (accepted, in
    /// progress, resolved, reopened, …). A state older than the one applied is ignored.
    func updateTicketStatus(
        _ request: Fenliu_Routing_V1_UpdateTicketStatusRequest, context: RPCContext
    ) async throws -> Effect<Fenliu_Routing_V1_UpdateTicketStatusResponse> {
        var violations = [FieldViolation]()
        if request.ticketID.isEmpty { violations.append(.init(field: "ticketId", description: "is required")) }
        let state = TicketState(proto: request.status)
        if state == nil { violations.append(.init(field: "status", description: "is not a ticket status")) }
        if request.sequence < 1 { violations.append(.init(field: "sequence", description: "must be at least 1")) }
        guard violations.isEmpty, let state else { throw RoutingError.invalidFields(violations) }
        let resolveDue = request.hasResolveDueAt ? request.resolveDueAt.date : nil
        return Effect { connection in
            guard try TicketStore.find(request.ticketID, forUpdate: true, on: connection) != nil else {
                throw RoutingError.ticketNotFound(request.ticketID)
            }
            _ = try TicketStore.applyStatus(request.ticketID, state: state, sequence: request.sequence, resolveDue: resolveDue, on: connection)
            guard let updated = try TicketStore.find(request.ticketID, on: connection) else { throw RoutingError.ticketNotFound(request.ticketID) }
            return Fenliu_Routing_V1_UpdateTicketStatusResponse.with { $0.ticket = updated.proto }
        }
    }
}
