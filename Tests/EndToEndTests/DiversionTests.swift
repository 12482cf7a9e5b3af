import FenliuModel
import Foundation
import HTTPClient
import RPC
import SwiftProtobuf
import TestSupport
import Testing

/// The diversion path through real processes: a call enters intake, classification decides, routing
/// creates the tickets — over real HTTP, with a real PostgreSQL, as `scripts/up` runs it.
@Suite("The diversion path end to end", .serialized)
struct DiversionTests {
    @Test("a 110 call about a streetlight becomes a 12345 work order; a fire call reaches 119 and 120")
    func divertsAndProtects() async throws {
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
        // The 12345 centre's supervisor key may submit on any line (the 110 key only on 110).
        let intake = try stack.client("intake", httpClient: http)
        let routing = try stack.client("routing", httpClient: http)
        let now = Google_Protobuf_Timestamp(date: Date())

        let streetlight = try await intake.call(
            IntakeAPI.submitCall,
            .with {
                $0.channel = .channel110
                $0.externalID = "110-e2e-1"
                $0.receivedAt = now
                $0.callerName = "张先生"
                $0.callerPhone = "13800001234"
                $0.district = "武侯区"
                $0.address = "武侯区玉林北路12号附近"
                $0.description_p = "报警人称：玉林北路12号门口的路灯坏了一个多星期，晚上路过很黑，请求相关部门维修。"
            }
        ).call
        let fire = try await intake.call(
            IntakeAPI.submitCall,
            .with {
                $0.channel = .channel12345
                $0.externalID = "12345-e2e-2"
                $0.receivedAt = now
                $0.callerName = "李女士"
                $0.callerPhone = "13900005678"
                $0.district = "510108"
                $0.address = "成华区建设北路二段某小区5栋"
                $0.description_p = "来电人反映：对面楼5栋三楼冒出浓烟，好像着火了，有老人被烧伤，还有人被困在楼上出不来。"
            }
        ).call

        var streetlightTickets: [Fenliu_Routing_V1_Ticket] = []
        let diverted = await eventually(timeout: .seconds(30)) {
            streetlightTickets = (try? await routing.call(RoutingAPI.listTickets, .with { $0.callID = streetlight.id }).tickets) ?? []
            return !streetlightTickets.isEmpty
        }
        #expect(diverted, "no ticket for the streetlight call")
        #expect(streetlightTickets.map(\.destination) == [.hotline12345])
        #expect(streetlightTickets.first?.kind == .workOrder)
        #expect(streetlightTickets.first?.district == "510107")
        #expect(streetlightTickets.first?.priority == .pinned)

        var fireTickets: [Fenliu_Routing_V1_Ticket] = []
        let alerted = await eventually(timeout: .seconds(30)) {
            fireTickets = (try? await routing.call(RoutingAPI.listTickets, .with { $0.callID = fire.id }).tickets) ?? []
            return Set(fireTickets.map(\.destination)).isSuperset(of: [.fire119, .medical120])
        }
        #expect(alerted, "the fire call did not reach 119 and 120: \(fireTickets.map(\.destination))")
        #expect(!fireTickets.contains { $0.destination == .hotline12345 })
        #expect(fireTickets.allSatisfy { $0.priority == .emergency })

        // Callers' names and phones never reached a log line at info level or above.
        let logs = stack.logs()
        for secret in ["13800001234", "13900005678", "张先生", "李女士"] {
            #expect(!logs.contains(secret), "\(secret) is in the stack's logs")
        }
    }
}
