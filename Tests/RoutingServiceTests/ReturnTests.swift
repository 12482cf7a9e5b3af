import FenliuModel
import Foundation
import Postgres
import RPC
import SwiftProtobuf
import TestSupport
import Testing

@Suite("Returns (退单), reassignment, arbitration and disputes")
struct ReturnTests {
    func returnTicket(_ routing: RoutingHarness, _ id: String, by department: String, reason: String) async throws -> Fenliu_Routing_V1_Ticket {
        try await routing.client.call(
            RoutingAPI.returnTicket,
            .with {
                $0.ticketID = id
                $0.departmentID = department
                $0.reason = reason
            }
        ).ticket
    }

    @Test("returned once: next department by the rules; twice: arbitration at the 12345 centre; the dispute names everyone")
    func returnsThenArbitration() async throws {
        try await RoutingHarness.with { routing in
            let ticket = try #require(try await routing.route(call: "call-wages", category: .laborWages, destinations: [.hotline12345]).first)
            #expect(ticket.departmentID == "510104-rsj")

            let once = try await returnTicket(routing, ticket.id, by: "510104-rsj", reason: "employer registered in 青羊区, workers from several districts")
            #expect(once.departmentID == "municipal-rsj")
            #expect(once.status == .dispatched)
            #expect(once.returnCount == 1)

            let twice = try await returnTicket(routing, ticket.id, by: "municipal-rsj", reason: "a district matter")
            #expect(twice.departmentID == "municipal-12345")
            #expect(twice.status == .inArbitration)
            #expect(twice.returnCount == 2)
            #expect(twice.history.map(\.departmentID) == ["510104-rsj", "municipal-rsj", "municipal-12345"])
            #expect(twice.history[2].actor == "municipal-rsj")

            let again = await #expect(throws: ConnectError.self) {
                try await returnTicket(routing, ticket.id, by: "municipal-12345", reason: "no")
            }
            #expect(again?.code == .failedPrecondition)

            let disputes = try await routing.client.call(RoutingAPI.listDisputes, .init()).disputes
            let dispute = try #require(disputes.first)
            #expect(disputes.count == 1)
            #expect(dispute.ticketID == ticket.id)
            #expect(dispute.callID == "call-wages")
            #expect(dispute.category == .laborWages)
            #expect(dispute.district == "510104")
            #expect(dispute.departmentIds == ["510104-rsj", "municipal-rsj"])
            #expect(dispute.reasons == ["employer registered in 青羊区, workers from several districts", "a district matter"])
            #expect(dispute.inArbitration)

            let decided = try await routing.client.call(
                RoutingAPI.assignTicket,
                .with {
                    $0.ticketID = ticket.id
                    $0.departmentID = "510104-rsj"
                    $0.actor = "12345 duty chief"
                    $0.note = "属地管理: the site is in 锦江区"
                }
            ).ticket
            #expect(decided.status == .dispatched)
            #expect(decided.departmentID == "510104-rsj")
            #expect(decided.history.last?.actor == "12345 duty chief")
            #expect(decided.history.last?.reason.contains("属地管理") == true)

            let inWindow = try await routing.client.call(
                RoutingAPI.listDisputes,
                .with {
                    $0.from = .init(date: Date().addingTimeInterval(-3600))
                    $0.to = .init(date: Date().addingTimeInterval(3600))
                })
            #expect(inWindow.disputes.count == 1)
            let later = try await routing.client.call(RoutingAPI.listDisputes, .with { $0.from = .init(date: Date().addingTimeInterval(3600)) })
            #expect(later.disputes.isEmpty)
        }
    }

    @Test("a return needs a reason, comes from the holder, and is for work orders only")
    func refusedReturns() async throws {
        try await RoutingHarness.with { routing in
            let tickets = try await routing.route(call: "call-mixed", category: .cityAppearance, destinations: [.hotline12345, .police110])
            let noReason = await #expect(throws: ConnectError.self) {
                try await returnTicket(routing, tickets[0].id, by: "510104-cgzf", reason: "  ")
            }
            #expect(noReason?.code == .invalidArgument)
            let escaped = await #expect(throws: ConnectError.self) {
                try await returnTicket(routing, tickets[0].id, by: "510104-cgzf", reason: "不归我们管\u{1B}[2J")
            }
            #expect(escaped?.fieldViolations.map(\.field) == ["reason"])
            #expect(noReason?.fieldViolations.map(\.field) == ["reason"])
            let notHolder = await #expect(throws: ConnectError.self) {
                try await returnTicket(routing, tickets[0].id, by: "510104-zjj", reason: "not ours")
            }
            #expect(notHolder?.code == .failedPrecondition)
            let police = await #expect(throws: ConnectError.self) {
                try await returnTicket(routing, tickets[1].id, by: "police-110", reason: "not ours")
            }
            #expect(police?.code == .failedPrecondition)
            let unknown = await #expect(throws: ConnectError.self) {
                try await returnTicket(routing, "nope", by: "510104-cgzf", reason: "not ours")
            }
            #expect(unknown?.code == .notFound)
        }
    }

    @Test("a work order no rule fits waits at the 12345 centre, and the centre assigns it by hand")
    func manualAssignment() async throws {
        try await RoutingHarness.with { routing in
            _ = try await routing.client.call(
                RoutingAPI.publishRoutingRules,
                .with {
                    $0.rules.publishedBy = "test"
                    $0.rules.rules = [
                        .with {
                            $0.category = .laborWages; $0.district = "510104"; $0.departmentID = "510104-rsj"
                        }
                    ]
                })
            let ticket = try #require(try await routing.route(call: "call-smell", category: .environment, destinations: [.hotline12345], district: "").first)
            #expect(ticket.departmentID == "municipal-12345")
            #expect(ticket.status == .pendingAssignment)
            let pending = try await routing.client.call(RoutingAPI.listTickets, .with { $0.status = .pendingAssignment })
            #expect(pending.tickets.map(\.id) == [ticket.id])

            let unknown = await #expect(throws: ConnectError.self) {
                try await routing.client.call(
                    RoutingAPI.assignTicket,
                    .with {
                        $0.ticketID = ticket.id; $0.departmentID = "nope"; $0.actor = "clerk"
                    })
            }
            #expect(unknown?.code == .notFound)
            // Not to 110, 119 or 120, nor back to the centre: none of them does a work order's work.
            for department in ["police-110", "fire-119", "medical-120", "municipal-12345"] {
                let refused = await #expect(throws: ConnectError.self, "\(department)") {
                    try await routing.client.call(
                        RoutingAPI.assignTicket,
                        .with {
                            $0.ticketID = ticket.id; $0.departmentID = department; $0.actor = "clerk"
                        })
                }
                #expect(refused?.code == .invalidArgument && refused?.fieldViolations.map(\.field) == ["departmentId"], "\(department)")
            }
            let assigned = try await routing.client.call(
                RoutingAPI.assignTicket,
                .with {
                    $0.ticketID = ticket.id
                    $0.departmentID = "municipal-sthj"
                    $0.actor = "clerk 7"
                }
            ).ticket
            #expect(assigned.status == .dispatched)
            #expect(assigned.departmentName == "成都市生态环境局")
        }
    }
}
