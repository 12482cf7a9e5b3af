import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import TestSupport

@testable import FeedbackService

/// A running feedback service (fresh schema, a clock the test moves, a stand-in routing that takes
/// its hand-offs) and a client for it.
struct FeedbackHarness {
    let client: RPCClient
    let database: PostgresPool
    let clock: ManualClock
    let routing: StandInPeer

    /// The moment every test starts at: a Monday 10:00 in Chengdu, inside working hours.
    static let start = Date(timeIntervalSince1970: 1_796_608_800)  // 2026-12-07T02:00:00Z

    /// Runs `body` against a feedback service started for the test.
    static func with<T: Sendable>(
        configuration: FeedbackConfiguration = FeedbackConfiguration(), _ body: (FeedbackHarness) async throws -> T
    ) async throws -> T {
        let clock = ManualClock(start)
        var configuration = configuration
        configuration.clock = clock
        configuration.clockInterval = .milliseconds(20)
        let routing = StandInPeer()
        routing.accept(RoutingAPI.updateTicketStatus)
        routing.accept(RoutingAPI.returnTicket)
        let finalConfiguration = configuration
        return try await RunningApplication.with(router: routing.router) { routingURL in
            try await TestService.with(FeedbackModule.self, configuration: finalConfiguration, peers: [.routing: routingURL]) { base, database in
                try await body(
                    FeedbackHarness(
                        client: RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout), database: database, clock: clock,
                        routing: routing))
            }
        }
    }

    /// Hands over a ticket as routing does: a work order for 锦江区城管局 unless told otherwise.
    @discardableResult
    func track(
        _ id: String, kind: Fenliu_Common_V1_TicketKind = .workOrder, department: String = "510104-cgj", assignment: Int64 = 1,
        state: Fenliu_Common_V1_TicketStatus = .dispatched, origin: Fenliu_Common_V1_Channel = .channel110,
        signFor: TimeInterval = 30 * 60, resolve: TimeInterval = 24 * 3600, feedback: TimeInterval? = nil
    ) async throws -> Fenliu_Feedback_V1_Ticket {
        let now = clock.now()
        return try await client.call(
            FeedbackAPI.trackTicket,
            .with {
                $0.ticketID = id
                $0.callID = "call-\(id)"
                $0.incidentID = "call-\(id)"
                $0.origin = origin
                $0.kind = kind
                $0.destination = kind == .workOrder ? .hotline12345 : .police110
                $0.category = kind == .workOrder ? .cityAppearance : .crimeReport
                $0.district = "510104"
                $0.departmentID = department
                $0.departmentName = department
                $0.priority = kind == .workOrder ? .pinned : .emergency
                $0.state = state
                $0.signForDueAt = Google_Protobuf_Timestamp(date: now.addingTimeInterval(signFor))
                $0.resolveDueAt = Google_Protobuf_Timestamp(date: now.addingTimeInterval(resolve))
                if let feedback { $0.feedbackDueAt = Google_Protobuf_Timestamp(date: now.addingTimeInterval(feedback)) }
                $0.createdAt = Google_Protobuf_Timestamp(date: now)
                $0.reason = "routed by district rule"
                $0.assignment = assignment
            }
        ).ticket
    }

    /// Reports a state as a holder's system does.
    @discardableResult
    func report(
        _ id: String, _ state: Fenliu_Common_V1_TicketStatus, note: String = "", eventID: String = "", actor: String = "510104-cgj"
    ) async throws -> Fenliu_Feedback_V1_ReportStatusResponse {
        try await client.call(
            FeedbackAPI.reportStatus,
            .with {
                $0.ticketID = id
                $0.state = state
                $0.note = note
                $0.eventID = eventID
                $0.actor = actor
            })
    }

    /// Records a callback.
    @discardableResult
    func callback(_ id: String, _ satisfaction: Fenliu_Feedback_V1_Satisfaction, objects: Bool = false) async throws -> Fenliu_Feedback_V1_Ticket {
        try await client.call(
            FeedbackAPI.recordCallback,
            .with {
                $0.ticketID = id
                $0.satisfaction = satisfaction
                $0.objectsToDiversion = objects
                $0.actor = "12345-op-3"
            }
        ).ticket
    }

    /// The ticket with its history.
    func ticket(_ id: String) async throws -> Fenliu_Feedback_V1_Ticket {
        try await client.call(FeedbackAPI.getTicket, .with { $0.ticketID = id }).ticket
    }

    /// The kinds of a ticket's events, in order.
    func kinds(_ id: String) async throws -> [Fenliu_Feedback_V1_EventKind] {
        try await ticket(id).history.map(\.kind)
    }
}
