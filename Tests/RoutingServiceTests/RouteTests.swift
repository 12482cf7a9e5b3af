import FenliuModel
import Foundation
import Postgres
import RPC
import SwiftProtobuf
import TestSupport
import Testing

@Suite("Route: one ticket per destination, idempotent, repeat calls reuse tickets")
struct RouteTests {
    @Test("a fire with injured people: 119 and 120 alerts and a 110 police ticket, all EMERGENCY")
    func fireWithInjured() async throws {
        try await RoutingHarness.with { routing in
            let tickets = try await routing.route(call: "call-fire", category: .fire, destinations: [.fire119, .medical120, .police110], channel: .channel119)
            #expect(tickets.map(\.destination) == [.fire119, .medical120, .police110])
            #expect(tickets.map(\.kind) == [.alert, .alert, .policeTicket])
            #expect(tickets.map(\.departmentID) == ["fire-119", "medical-120", "police-110"])
            #expect(tickets.allSatisfy { $0.priority == .emergency && $0.status == .dispatched && $0.callID == "call-fire" })
            #expect(tickets.allSatisfy { $0.history.count == 1 && $0.deliveryState == .deliveryPending })
            #expect(Set(tickets.map(\.id)).count == 3)
            let ticket = tickets[0]
            #expect(isClose(ticket.signForDueAt.date, ticket.createdAt.date.addingTimeInterval(300)))
        }
    }

    @Test("a matter diverted from 110 is a PINNED work order for the district department, due in 30 minutes")
    func pinnedWorkOrder() async throws {
        try await RoutingHarness.with { routing in
            let tickets = try await routing.route(call: "call-vendors", category: .cityAppearance, destinations: [.hotline12345], channel: .channel110)
            let ticket = try #require(tickets.first)
            #expect(ticket.kind == .workOrder)
            #expect(ticket.priority == .pinned)
            #expect(ticket.departmentID == "510104-cgzf")
            #expect(ticket.departmentName == "锦江区综合行政执法局")
            #expect(isClose(ticket.signForDueAt.date, ticket.createdAt.date.addingTimeInterval(1800)))
            #expect(isClose(ticket.resolveDueAt.date, ticket.createdAt.date.addingTimeInterval(86400)))
            #expect(ticket.history.first?.reason.contains("district rule") == true)
        }
    }

    @Test("an urgent police matter from 12345 owes 110's feedback within one hour; wage arrears without a district go to 市人社局")
    func urgentPoliceAndCityWide() async throws {
        try await RoutingHarness.with { routing in
            let police = try #require(try await routing.route(call: "call-threat", category: .crimeReport, destinations: [.police110], urgent: true).first)
            #expect(isClose(police.feedbackDueAt.date, police.createdAt.date.addingTimeInterval(3600)))
            let wages = try #require(try await routing.route(call: "call-wages", category: .laborWages, destinations: [.hotline12345], district: "").first)
            #expect(wages.departmentID == "municipal-rsj")
            #expect(wages.priority == .normal)
            #expect(!wages.hasFeedbackDueAt)
        }
    }

    @Test("the same hand-off twice, with or without an Idempotency-Key, creates the tickets once")
    func idempotent() async throws {
        try await RoutingHarness.with { routing in
            let first = try await routing.route(call: "call-1", category: .medical, destinations: [.medical120], key: "key-1")
            let again = try await routing.route(call: "call-1", category: .medical, destinations: [.medical120], key: "key-1")
            let withoutKey = try await routing.route(call: "call-1", category: .medical, destinations: [.medical120])
            #expect(first.map(\.id) == again.map(\.id))
            #expect(first.map(\.id) == withoutKey.map(\.id))
            let count = try await routing.database.query("SELECT count(*) AS n FROM tickets").first?.decode("n", as: Int.self)
            #expect(count == 1)
        }
    }

    @Test("a repeat call reuses the earlier call's tickets and opens only the missing destination")
    func repeatCall() async throws {
        try await RoutingHarness.with { routing in
            let earlier = try await routing.route(call: "call-a", category: .crimeReport, destinations: [.police110])
            let repeated = try await routing.route(call: "call-b", category: .crimeReport, destinations: [.police110, .medical120], duplicateOf: "call-a")
            #expect(repeated.count == 2)
            #expect(repeated[0].id == earlier[0].id)
            #expect(repeated[1].destination == .medical120)
            #expect(repeated[1].callID == "call-b")
            let byRepeat = try await routing.client.call(RoutingAPI.listTickets, .with { $0.callID = "call-b" })
            #expect(byRepeat.tickets.count == 2)
            let byEarlier = try await routing.client.call(RoutingAPI.listTickets, .with { $0.callID = "call-a" })
            #expect(byEarlier.tickets.map(\.id) == [earlier[0].id])
        }
    }

    @Test("a repeat call never attaches to a finished ticket: the emergency service is sent again")
    func repeatAfterFinished() async throws {
        try await RoutingHarness.with { routing in
            let earlier = try await routing.route(call: "call-a", category: .crimeReport, destinations: [.police110])
            try await routing.finish(earlier[0].id)
            let repeated = try await routing.route(call: "call-b", category: .crimeReport, destinations: [.police110], duplicateOf: "call-a")
            #expect(repeated.count == 1)
            #expect(repeated[0].id != earlier[0].id)
            #expect(repeated[0].destination == .police110)
            #expect(repeated[0].priority == .emergency)
        }
    }

    @Test("a bad hand-off names every bad field; an unknown ticket is not_found")
    func validation() async throws {
        try await RoutingHarness.with { routing in
            let error = await #expect(throws: ConnectError.self) {
                try await routing.client.call(RoutingAPI.route, .with { $0.district = "999999" })
            }
            #expect(error?.code == .invalidArgument)
            #expect(Set(error?.fieldViolations.map(\.field) ?? []) == ["callId", "category", "destinations", "district"])
            let missing = await #expect(throws: ConnectError.self) { try await routing.ticket("nope") }
            #expect(missing?.code == .notFound)
        }
    }
}
