import FenliuModel
import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

@Suite("Delivery: signed webhooks through the outbox, retried until acknowledged")
struct DeliveryTests {
    @Test("a ticket is retried while 110's system is down, delivered once when it is back, and signed with 110's secret")
    func retriedThenDeliveredOnce() async throws {
        let system = StandInWebhookReceiver(isUp: false)
        try await RunningApplication.with(router: system.router) { receiver in
            try await RoutingHarness.with { routing in
                try await routing.setEndpoint("police-110", url: receiver + "/hooks/police-110", secret: "police-secret")
                let ticket = try #require(try await routing.route(call: "call-robbery", category: .crimeReport, destinations: [.police110]).first)
                #expect(ticket.deliveryState == .deliveryPending)

                #expect(await eventually { (try? await routing.ticket(ticket.id).deliveryState) == .deliveryRetrying })
                #expect(system.refusals() >= 1)

                system.setUp(true)
                #expect(await eventually { (try? await routing.ticket(ticket.id).deliveryState) == .delivered })
                try await Task.sleep(for: .milliseconds(600))
                let deliveries = system.accepted()
                #expect(deliveries.count == 1)
                let delivery = try #require(deliveries.first)
                #expect(WebhookSignature.verify(header: delivery.signature, body: delivery.body, secret: "police-secret"))
                #expect(!WebhookSignature.verify(header: delivery.signature, body: delivery.body, secret: "test-secret"))
                let sent = try Fenliu_Routing_V1_TicketDelivery(jsonUTF8Bytes: delivery.body)
                #expect(sent.ticketID == ticket.id)
                #expect(sent.kind == .policeTicket)
                #expect(sent.event == "ticket.dispatched")
            }
        }
    }

    @Test("a department without an endpoint keeps its tickets pending until it gets one; its secret is write-only")
    func waitsForEndpoint() async throws {
        let system = StandInWebhookReceiver()
        try await RunningApplication.with(router: system.router) { receiver in
            try await RoutingHarness.with { routing in
                let ticket = try #require(try await routing.route(call: "call-noise", category: .construction, destinations: [.hotline12345]).first)
                #expect(ticket.departmentID == "510104-zjj")
                try await Task.sleep(for: .milliseconds(300))
                let waiting = try await routing.ticket(ticket.id).deliveryState
                #expect(waiting == .deliveryPending, "\(waiting)")
                #expect(system.accepted().isEmpty)

                try await routing.setEndpoint("510104-zjj", url: receiver + "/hooks/510104-zjj")
                #expect(await eventually { (try? await routing.ticket(ticket.id).deliveryState) == .delivered })
                let delivery = try #require(system.accepted().first)
                // No secret of its own: signed with FENLIU_WEBHOOK_SECRET.
                #expect(WebhookSignature.verify(header: delivery.signature, body: delivery.body, secret: "test-secret"))
            }
        }
    }

    @Test("tickets routed while their department gets its endpoint are all delivered, whichever commits first")
    func routeRacingUpsertDepartment() async throws {
        let system = StandInWebhookReceiver()
        try await RunningApplication.with(router: system.router) { receiver in
            try await RoutingHarness.with { routing in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 1...20 {
                        group.addTask {
                            try await routing.route(call: "race-\(index)", category: .construction, destinations: [.hotline12345])
                        }
                    }
                    group.addTask { try await routing.setEndpoint("510104-zjj", url: receiver + "/hooks/510104-zjj") }
                    try await group.waitForAll()
                }
                let delivered = await eventually {
                    Set(system.accepted(by: "510104-zjj").compactMap { try? Fenliu_Routing_V1_TicketDelivery(jsonUTF8Bytes: $0.body).callID }).count == 20
                }
                #expect(delivered, "only \(system.accepted(by: "510104-zjj").count) of 20 tickets arrived")
            }
        }
    }

    @Test("a ticket goes to the endpoint its department has when it is sent, not the one it had when routed")
    func endpointResolvedAtSendTime() async throws {
        let old = StandInWebhookReceiver(isUp: false)
        let new = StandInWebhookReceiver()
        try await RunningApplication.with(router: old.router) { oldURL in
            try await RunningApplication.with(router: new.router) { newURL in
                try await RoutingHarness.with { routing in
                    try await routing.setEndpoint("510104-zjj", url: oldURL + "/hooks/510104-zjj")
                    let ticket = try #require(try await routing.route(call: "call-moved", category: .construction, destinations: [.hotline12345]).first)
                    #expect(await eventually { old.refusals() >= 1 })
                    try await routing.setEndpoint("510104-zjj", url: newURL + "/hooks/510104-zjj")
                    #expect(await eventually { (try? await routing.ticket(ticket.id).deliveryState) == .delivered })
                    #expect(new.accepted().count == 1)
                    #expect(old.accepted().isEmpty)
                }
            }
        }
    }

    @Test("a returned work order is withdrawn from its first holder's queue of undelivered messages")
    func reassignmentCancelsTheOldMessage() async throws {
        let first = StandInWebhookReceiver(isUp: false)
        let second = StandInWebhookReceiver()
        try await RunningApplication.with(router: first.router) { firstURL in
            try await RunningApplication.with(router: second.router) { secondURL in
                try await RoutingHarness.with { routing in
                    try await routing.setEndpoint("510104-zjj", url: firstURL + "/hooks/510104-zjj")
                    let ticket = try #require(try await routing.route(call: "call-returned", category: .construction, destinations: [.hotline12345]).first)
                    #expect(await eventually { first.refusals() >= 1 })
                    let returned = try await routing.client.call(
                        RoutingAPI.returnTicket,
                        .with {
                            $0.ticketID = ticket.id
                            $0.departmentID = "510104-zjj"
                            $0.reason = "不属于本单位职责"
                        }
                    ).ticket
                    #expect(returned.departmentID != "510104-zjj")
                    try await routing.setEndpoint(returned.departmentID, url: secondURL + "/hooks/" + returned.departmentID)
                    #expect(await eventually { (try? await routing.ticket(ticket.id).deliveryState) == .delivered })
                    let sent = try Fenliu_Routing_V1_TicketDelivery(jsonUTF8Bytes: try #require(second.accepted().first).body)
                    #expect(sent.event == "ticket.reassigned")
                    // The first holder's system comes back: the withdrawn message never reaches it.
                    first.setUp(true)
                    try await Task.sleep(for: .seconds(1))
                    #expect(first.accepted().isEmpty)
                    let outbox = try await routing.client.call(AdminAPI.listOutbox, .with { $0.includeDelivered = true })
                    #expect(outbox.messages.filter { $0.state == "canceled" }.count == 1)
                }
            }
        }
    }
}
