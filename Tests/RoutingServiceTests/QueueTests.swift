import FenliuModel
import Foundation
import Postgres
import RPC
import SwiftProtobuf
import TestSupport
import Testing

@Suite("Queues: priority then age, filters, keyset pages")
struct QueueTests {
    @Test("12345's queue serves PINNED before URGENT before NORMAL, oldest first, over pages that never overlap")
    func queueOrder() async throws {
        try await RoutingHarness.with { routing in
            let normalOld = try await routing.route(call: "normal-1", category: .cityAppearance, destinations: [.hotline12345])[0].id
            let urgent = try await routing.route(call: "urgent-1", category: .cityAppearance, destinations: [.hotline12345], urgent: true)[0].id
            let normalNew = try await routing.route(call: "normal-2", category: .cityAppearance, destinations: [.hotline12345])[0].id
            let pinned = try await routing.route(call: "pinned-1", category: .cityAppearance, destinations: [.hotline12345], channel: .channel110)[0].id
            _ = try await routing.route(call: "police-1", category: .crimeReport, destinations: [.police110])

            let expected = [pinned, urgent, normalOld, normalNew]
            let queue = try await routing.client.call(RoutingAPI.listTickets, .with { $0.destination = .hotline12345 })
            #expect(queue.tickets.map(\.id) == expected)
            #expect(queue.nextPageToken.isEmpty)

            var seen = [String]()
            var token = ""
            repeat {
                let page = try await routing.client.call(
                    RoutingAPI.listTickets,
                    .with {
                        $0.departmentID = "510104-cgzf"
                        $0.pageSize = 3
                        $0.pageToken = token
                    })
                seen += page.tickets.map(\.id)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen == expected)

            let urgentOnly = try await routing.client.call(RoutingAPI.listTickets, .with { $0.priority = .urgent })
            #expect(urgentOnly.tickets.map(\.id) == [urgent])
            let dispatched = try await routing.client.call(RoutingAPI.listTickets, .with { $0.status = .dispatched })
            #expect(dispatched.tickets.count == 5)
            #expect(dispatched.tickets.first?.priority == .emergency)

            let bad = await #expect(throws: ConnectError.self) {
                try await routing.client.call(RoutingAPI.listTickets, .with { $0.pageToken = "not-a-token" })
            }
            #expect(bad?.code == .invalidArgument)
            #expect(bad?.message.contains("pass back nextPageToken") == true, "\(String(describing: bad))")
            // A real token under other filters is told apart from garbage.
            let first = try await routing.client.call(
                RoutingAPI.listTickets,
                .with {
                    $0.status = .dispatched
                    $0.pageSize = 2
                })
            #expect(!first.nextPageToken.isEmpty)
            let moved = await #expect(throws: ConnectError.self) {
                try await routing.client.call(
                    RoutingAPI.listTickets,
                    .with {
                        $0.priority = .urgent
                        $0.pageToken = first.nextPageToken
                    })
            }
            #expect(moved?.message.contains("issued with these filters") == true, "\(String(describing: moved))")
        }
    }

    @Test("queues by status and by destination are read through their own indexes")
    func queuesUseIndexes() async throws {
        try await RoutingHarness.with { routing in
            let byStatus = try await routing.database.indexPlan(
                "SELECT id FROM tickets WHERE status = 'DISPATCHED' ORDER BY priority, created_at, id LIMIT 51"
            )
            #expect(byStatus.contains("tickets_status_queue"), "\(byStatus)")
            let byDestination = try await routing.database.indexPlan(
                "SELECT id FROM tickets WHERE destination = 'POLICE_110' ORDER BY priority, created_at, id LIMIT 51"
            )
            #expect(byDestination.contains("tickets_destination_queue"), "\(byDestination)")
        }
    }
}
