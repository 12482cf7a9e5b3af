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

/// A stand-in destination system that can be "down" (answers 503) and records what it accepted.
final class StandInSystem: Sendable {
    struct Delivery {
        var key: String
        var signature: String
        var body: [UInt8]
    }

    let isUp = Mutex(false)
    let accepted = Mutex<[Delivery]>([])
    let refused = Mutex(0)

    var router: Router<BasicRequestContext> {
        let router = Router()
        router.post("/hooks/:system") { request, _ -> HTTPResponse.Status in
            var request = request
            let body = Array(try await request.collectBody(upTo: 1 << 20).readableBytesView)
            guard self.isUp.withLock({ $0 }) else {
                self.refused.withLock { $0 += 1 }
                return .serviceUnavailable
            }
            let delivery = Delivery(
                key: request.headers[HTTPField.Name("Idempotency-Key")!] ?? "",
                signature: request.headers[HTTPField.Name(WebhookSignature.headerName)!] ?? "", body: body
            )
            self.accepted.withLock { $0.append(delivery) }
            return .noContent
        }
        return router
    }
}

@Suite("Delivery: signed webhooks through the outbox, retried until acknowledged")
struct DeliveryTests {
    @Test("a ticket is retried while 110's system is down, delivered once when it is back, and signed with 110's secret")
    func retriedThenDeliveredOnce() async throws {
        let system = StandInSystem()
        try await RunningApplication.with(router: system.router) { receiver in
            try await RoutingHarness.with { routing in
                try await routing.setEndpoint("police-110", url: receiver + "/hooks/police-110", secret: "police-secret")
                let ticket = try #require(try await routing.route(call: "call-robbery", category: .crimeReport, destinations: [.police110]).first)
                #expect(ticket.deliveryState == .deliveryPending)

                #expect(await eventually { (try? await routing.ticket(ticket.id).deliveryState) == .deliveryRetrying })
                #expect(system.refused.withLock { $0 } >= 1)

                system.isUp.withLock { $0 = true }
                #expect(await eventually { (try? await routing.ticket(ticket.id).deliveryState) == .delivered })
                try await Task.sleep(for: .milliseconds(600))
                let deliveries = system.accepted.withLock { $0 }
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
        let system = StandInSystem()
        system.isUp.withLock { $0 = true }
        try await RunningApplication.with(router: system.router) { receiver in
            try await RoutingHarness.with { routing in
                let ticket = try #require(try await routing.route(call: "call-noise", category: .construction, destinations: [.hotline12345]).first)
                #expect(ticket.departmentID == "510104-zjj")
                try await Task.sleep(for: .milliseconds(300))
                #expect(try await routing.ticket(ticket.id).deliveryState == .deliveryPending)
                #expect(system.accepted.withLock { $0.isEmpty })

                try await routing.setEndpoint("510104-zjj", url: receiver + "/hooks/510104-zjj")
                #expect(await eventually { (try? await routing.ticket(ticket.id).deliveryState) == .delivered })
                let delivery = try #require(system.accepted.withLock { $0.first })
                // No secret of its own: signed with FENLIU_WEBHOOK_SECRET.
                #expect(WebhookSignature.verify(header: delivery.signature, body: delivery.body, secret: "test-secret"))
            }
        }
    }
}
