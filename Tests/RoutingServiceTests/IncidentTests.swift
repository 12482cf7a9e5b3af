import FenliuModel
import Foundation
import Postgres
import RPC
import SwiftProtobuf
import TestSupport
import Testing

/// An incident is the first call of a chain of repeat calls: it has at most one open ticket per
/// destination, whichever of its calls is routed first, enforced by the database.
@Suite("Incidents: a call and its repeats share one open ticket per destination")
struct IncidentTests {
    @Test("a first call held for review, routed after its repeat, joins the repeat's ticket instead of opening a second")
    func firstCallRoutedAfterItsRepeat() async throws {
        try await RoutingHarness.with { routing in
            // Call A waits in classification's review queue; its repeat B is routed meanwhile.
            let repeated = try await routing.route(call: "call-a2", category: .laborWages, destinations: [.hotline12345], duplicateOf: "call-a1")
            let first = try await routing.route(call: "call-a1", category: .laborWages, destinations: [.hotline12345])
            #expect(first.map(\.id) == repeated.map(\.id))
            #expect(first.first?.incidentID == "call-a1")
            let count = try await routing.database.query("SELECT count(*) AS n FROM tickets").first?.decode("n", as: Int.self)
            #expect(count == 1)
            let byFirst = try await routing.client.call(RoutingAPI.listTickets, .with { $0.callID = "call-a1" })
            #expect(byFirst.tickets.map(\.id) == repeated.map(\.id))
        }
    }

    @Test("a call and its repeats routed at the same moment open one ticket per destination")
    func concurrentRoutes() async throws {
        try await RoutingHarness.with { routing in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await routing.route(call: "call-c1", category: .fire, destinations: [.fire119, .medical120]) }
                for index in 2...8 {
                    group.addTask {
                        try await routing.route(call: "call-c\(index)", category: .fire, destinations: [.fire119, .medical120], duplicateOf: "call-c1")
                    }
                }
                try await group.waitForAll()
            }
            let rows = try await routing.database.query("SELECT destination, count(*) AS n FROM tickets GROUP BY destination ORDER BY destination")
            #expect(try rows.map { try $0.decode("n", as: Int.self) } == [1, 1])
            let calls = try await routing.database.query("SELECT count(DISTINCT call_id) AS n FROM ticket_calls").first?.decode("n", as: Int.self)
            #expect(calls == 8)
        }
    }

    @Test("the database refuses a second open ticket for one incident and destination, and allows one after the first is finished")
    func databaseEnforcesOneOpenTicket() async throws {
        try await RoutingHarness.with { routing in
            let ticket = try #require(try await routing.route(call: "call-d1", category: .crimeReport, destinations: [.police110]).first)
            let copy = """
                INSERT INTO tickets (id, call_id, incident_id, kind, destination, category, district, department_id, priority, status, created_at)
                SELECT 'copy', 'call-d2', incident_id, kind, destination, category, district, department_id, priority, status, created_at
                FROM tickets WHERE id = 
                """
            let refused = await #expect(throws: PostgresError.self) {
                try await routing.database.query(PostgresQuery(sql: copy + "$1", binds: [ticket.id]))
            }
            #expect(refused?.isUniqueViolation == true)
            try await routing.finish(ticket.id)
            try await routing.database.query(PostgresQuery(sql: copy + "$1", binds: [ticket.id]))
        }
    }
}
