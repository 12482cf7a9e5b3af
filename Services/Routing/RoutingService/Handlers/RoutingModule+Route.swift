import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension RoutingModule {
    /// `Route`: the hand-off from classification. Applied once per `Idempotency-Key`, and once per
    /// call and destination even without one: routing a call again returns its tickets. A repeat
    /// call (`duplicateOf`) reuses the earlier call's tickets and only opens tickets for destinations
    /// the earlier call did not reach.
    func route(_ request: Fenliu_Routing_V1_RouteRequest, context: RPCContext) async throws -> Fenliu_Routing_V1_RouteResponse {
        let call = try RouteCall(request)
        let response = try await Inbox.once(key: context.idempotencyKey, method: "Route", on: database) { connection in
            try routeCall(call, now: Date(), on: connection)
        }
        environment.outbox.committed()
        return response
    }

    private func routeCall(_ call: RouteCall, now: Date, on connection: PostgresConnection) throws -> Fenliu_Routing_V1_RouteResponse {
        try connection.query("SELECT pg_advisory_xact_lock(hashtext(\("route:" + call.callID)))")
        var reached = [Destination: String]()
        for ticket in try TicketStore.forCall(call.callID, on: connection) { reached[ticket.destination] = ticket.id }
        if let earlier = call.duplicateOf {
            // A finished ticket is never reused: "he is back with a knife" forty minutes after the
            // police closed the first ticket must dispatch again, not attach to a closed job.
            for ticket in try TicketStore.forCall(earlier, on: connection)
            where call.destinations.contains(ticket.destination) && reached[ticket.destination] == nil && !ticket.state.isFinished {
                try TicketStore.attach(callID: call.callID, to: ticket.id, on: connection)
                reached[ticket.destination] = ticket.id
            }
        }
        let (resolver, version) = try resolver(on: connection)
        let plans = TicketPlanner(resolver: resolver).plan(
            category: call.category, district: call.district, destinations: call.destinations,
            channel: call.channel, isUrgent: call.isUrgent
        )
        for plan in plans where reached[plan.destination] == nil {
            let id = UUID().uuidString.lowercased()
            let deadlines = policy.deadlines.deadlines(priority: plan.priority, from: now, owesUrgentFeedback: plan.owesUrgentFeedback)
            try TicketStore.insert(NewTicket(
                id: id, callID: call.callID, plan: plan, category: call.category, district: call.district, createdAt: now,
                deadlines: deadlines, summary: call.summary, channel: call.channel?.code ?? "", needsReview: call.needsReview,
                rulesVersion: version
            ), on: connection)
            try deliver(id, on: connection)
            reached[plan.destination] = id
        }
        var tickets = [Fenliu_Routing_V1_Ticket]()
        for destination in call.destinations {
            if let id = reached[destination], let ticket = try TicketStore.find(id, on: connection) { tickets.append(ticket.proto) }
        }
        return .with { $0.tickets = tickets }
    }
}

/// A validated `RouteRequest`.
struct RouteCall: Sendable {
    /// The call being routed.
    var callID: String
    /// The matter.
    var category: Category
    /// Every destination, primary first.
    var destinations: [Destination]
    /// The district code, or empty.
    var district: String
    /// The line the call came in on.
    var channel: Channel?
    /// Marked urgent by the operator.
    var isUrgent: Bool
    /// What the caller said, in short.
    var summary: String
    /// The earlier call this one repeats, if any.
    var duplicateOf: String?
    /// Whether classification still reviews the call.
    var needsReview: Bool

    /// Checks every field and names each bad one.
    init(_ request: Fenliu_Routing_V1_RouteRequest) throws {
        var violations = [ConnectError.FieldViolation]()
        let callID = request.callID.trimmingCharacters(in: .whitespaces)
        if callID.isEmpty { violations.append(.init(field: "callId", description: "is required")) }
        let category = Category(proto: request.category)
        if category == nil { violations.append(.init(field: "category", description: "must be a catalogue category")) }
        let destinations = request.destinations.compactMap(Destination.init(proto:))
        if request.destinations.isEmpty {
            violations.append(.init(field: "destinations", description: "at least one destination is required"))
        } else if destinations.count != request.destinations.count {
            violations.append(.init(field: "destinations", description: "must be POLICE_110, HOTLINE_12345, FIRE_119 or MEDICAL_120"))
        }
        if !request.district.isEmpty && District.withCode(request.district) == nil {
            violations.append(.init(field: "district", description: "must be one of Chengdu's 22 area codes, or empty"))
        }
        if request.duplicateOf == request.callID && !callID.isEmpty {
            violations.append(.init(field: "duplicateOf", description: "a call cannot repeat itself"))
        }
        guard violations.isEmpty, let category else { throw RoutingError.invalidFields(violations) }
        self.callID = callID
        self.category = category
        self.destinations = destinations
        self.district = request.district
        self.channel = Channel(proto: request.channel)
        self.isUrgent = request.urgent
        self.summary = request.summary
        self.duplicateOf = request.duplicateOf.isEmpty ? nil : request.duplicateOf
        self.needsReview = request.needsReview
    }
}
