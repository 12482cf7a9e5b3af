import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension RoutingHandlers {
    /// `Route`: the hand-off from classification, applied once per `Idempotency-Key`, and once per
    /// incident and destination even without one. An incident is the first call of a chain of
    /// repeat calls (`duplicateOf`); whichever of its calls is routed first opens the ticket, and the
    /// others attach to it: a call held for review and its repeat routed meanwhile share one ticket.
    /// Only a finished ticket makes room for a new one ("he is back with a knife" forty minutes
    /// after the police closed the first ticket must dispatch again).
    func route(_ request: Fenliu_Routing_V1_RouteRequest, context: RPCContext) async throws -> Effect<Fenliu_Routing_V1_RouteResponse> {
        let call = try RouteCall(request)
        let policy = self.policy
        let reporter = self.reporter
        let directory = self.directory
        return Effect { connection in
            try Self.route(call, now: Date(), policy: policy, reporter: reporter, directory: directory, on: connection)
        }
    }

    private static func route(
        _ call: RouteCall, now: Date, policy: RoutingPolicy, reporter: EventReporter, directory: DirectoryCache,
        on connection: PostgresConnection
    ) throws -> Fenliu_Routing_V1_RouteResponse {
        // Per incident, so a call and its repeats are routed one after the other; the unique index
        // on open tickets per incident and destination holds even if something else got it wrong.
        try connection.query("SELECT pg_advisory_xact_lock(hashtext(\("route:" + call.incidentID)))", plan: .cached)
        // Each ticket as read in this transaction: nothing below changes what its proto shows (the
        // delivery state of a new ticket is PENDING before and after its hand-over), so none is
        // read twice.
        var reached = [Destination: TicketRecord]()
        let earlier = try TicketStore.routedBefore(callID: call.callID, incidentID: call.incidentID, on: connection)
        for (ticket, attached) in earlier where attached && reached[ticket.destination] == nil {
            reached[ticket.destination] = ticket
        }
        for (ticket, attached) in earlier where !attached && call.destinations.contains(ticket.destination) && reached[ticket.destination] == nil {
            try TicketStore.attach(callID: call.callID, to: ticket.id, on: connection)
            reached[ticket.destination] = ticket
        }
        let (resolver, version) = try directory.resolver(on: connection)
        let plans = TicketPlanner(resolver: resolver).plan(
            category: call.category, district: call.district, destinations: call.destinations,
            channel: call.channel, isUrgent: call.isUrgent
        )
        for plan in plans where reached[plan.destination] == nil {
            let id = UUID().uuidString.lowercased()
            let deadlines = policy.deadlines.deadlines(priority: plan.priority, from: now, owesUrgentFeedback: plan.owesUrgentFeedback)
            try TicketStore.insert(
                NewTicket(
                    id: id, callID: call.callID, incidentID: call.incidentID, plan: plan, category: call.category, district: call.district,
                    createdAt: now, deadlines: deadlines, summary: call.summary, channel: call.channel?.code ?? "",
                    needsReview: call.needsReview, rulesVersion: version
                ), on: connection)
            guard let created = try TicketStore.find(id, on: connection) else { throw RoutingError.ticketNotFound(id) }
            let event = plan.state == .pendingAssignment ? DeliveryEvent.assignmentPending : DeliveryEvent.dispatched
            try handOverFirst(created, event: event, reporting: [created.createdEvent(reporter)], reporter: reporter, on: connection)
            reached[plan.destination] = created
        }
        return .with { $0.tickets = call.destinations.compactMap { reached[$0]?.proto } }
    }
}
