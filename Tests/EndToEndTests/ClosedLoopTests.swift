import FenliuModel
import Foundation
import HTTPClient
import RPC
import SwiftProtobuf
import TestSupport
import Testing

/// The closed loop through real processes: a diverted call's work order is reported on at
/// feedback, returned, reassigned by routing, resolved, called back, reopened and closed — and after
/// every step routing and feedback tell the same story.
@Suite("The closed loop end to end", .serialized)
struct ClosedLoopTests {
    @Test("routing's and feedback's views of a ticket agree after every step of its life")
    func viewsAgree() async throws {
        let stack = try await LocalStack.start()
        do {
            try await run(stack)
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }

    private func run(_ stack: LocalStack) async throws {
        let http = TestHTTP.client
        let intake = RPCClient(baseURL: try #require(stack.urls["intake"]), httpClient: http)
        let routing = RPCClient(baseURL: try #require(stack.urls["routing"]), httpClient: http)
        let feedback = RPCClient(baseURL: try #require(stack.urls["feedback"]), httpClient: http)

        let call = try await intake.call(
            IntakeAPI.submitCall,
            .with {
                $0.channel = .channel110
                $0.externalID = "110-loop-1"
                $0.receivedAt = Google_Protobuf_Timestamp(date: Date())
                $0.callerPhone = "13800001111"
                $0.district = "锦江区"
                $0.address = "锦江区东大街某小区门口"
                $0.description_p = "报警人称：小区门口的垃圾堆了三天没人清运，臭气熏天，请相关部门处理。"
            }
        ).call
        var ticketID = ""
        #expect(
            await eventually(timeout: .seconds(30)) {
                ticketID = (try? await routing.call(RoutingAPI.listTickets, .with { $0.callID = call.id }).tickets.first?.id) ?? ""
                return !ticketID.isEmpty
            })
        let id = ticketID

        /// Both views, once they agree on `state`; `nil` when they never do.
        func agreed(on state: Fenliu_Common_V1_TicketStatus) async -> (Fenliu_Routing_V1_Ticket, Fenliu_Feedback_V1_Ticket)? {
            var views: (Fenliu_Routing_V1_Ticket, Fenliu_Feedback_V1_Ticket)?
            _ = await eventually(timeout: .seconds(20)) {
                guard let routed = try? await routing.call(RoutingAPI.getTicket, .with { $0.id = id }).ticket,
                    let followed = try? await feedback.call(FeedbackAPI.getTicket, .with { $0.ticketID = id }).ticket,
                    routed.status == state, followed.state == state, routed.departmentID == followed.departmentID
                else { return false }
                views = (routed, followed)
                return true
            }
            return views
        }
        func report(_ state: Fenliu_Common_V1_TicketStatus, _ note: String = "") async throws {
            let holder = try await feedback.call(FeedbackAPI.getTicket, .with { $0.ticketID = id }).ticket.departmentID
            _ = try await feedback.call(
                FeedbackAPI.reportStatus,
                .with {
                    $0.ticketID = id; $0.state = state; $0.note = note; $0.actor = holder; $0.eventID = "\(holder)-\(state)-\(note.count)"
                })
        }

        let dispatched = try #require(await agreed(on: .dispatched))
        let firstHolder = dispatched.0.departmentID
        try await report(.accepted)
        #expect(await agreed(on: .accepted) != nil)
        try await report(.returned, "该路段属于其他部门管辖")
        let reassigned = try #require(await agreed(on: .dispatched))
        #expect(reassigned.0.departmentID != firstHolder)
        #expect(reassigned.1.history.contains { $0.kind == .reassigned })
        try await report(.accepted)
        try await report(.inProgress, "已安排环卫车辆")
        #expect(await agreed(on: .inProgress) != nil)
        try await report(.resolved, "垃圾已清运，已消杀")
        #expect(await agreed(on: .resolved) != nil)
        _ = try await feedback.call(
            FeedbackAPI.recordCallback,
            .with {
                $0.ticketID = id; $0.satisfaction = .notSatisfied; $0.comment = "还有异味"; $0.actor = "12345-op"
            })
        let reopened = try #require(await agreed(on: .reopened))
        #expect(abs(reopened.0.resolveDueAt.date.timeIntervalSince(reopened.1.resolveDueAt.date)) < 0.001)
        try await report(.resolved, "已再次消杀，异味消除")
        _ = try await feedback.call(
            FeedbackAPI.recordCallback,
            .with {
                $0.ticketID = id; $0.satisfaction = .satisfied; $0.actor = "12345-op"
            })
        #expect(await agreed(on: .closed) != nil)
    }
}
