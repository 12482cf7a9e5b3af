import FenliuModel
import Foundation
import Postgres
import RPC
import RoutingService
import ServiceSupport
import SwiftProtobuf
import TestSupport

/// A running routing service (seeded directory, fresh schema) and a client for it.
struct RoutingHarness {
    let client: RPCClient
    let database: PostgresPool

    /// Runs `body` against a routing service started for the test.
    static func with<T: Sendable>(_ body: (RoutingHarness) async throws -> T) async throws -> T {
        try await TestService.with(RoutingModule.self) { baseURL, database in
            try await body(RoutingHarness(client: RPCClient(baseURL: baseURL, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout), database: database))
        }
    }

    /// Routes a call and returns its tickets.
    @discardableResult
    func route(
        call: String, category: Fenliu_Common_V1_Category, destinations: [Fenliu_Common_V1_Destination], district: String = "510104",
        channel: Fenliu_Common_V1_Channel = .channel12345, urgent: Bool = false, duplicateOf: String = "", key: String? = nil
    ) async throws -> [Fenliu_Routing_V1_Ticket] {
        let request = Fenliu_Routing_V1_RouteRequest.with {
            $0.callID = call
            $0.category = category
            $0.destinations = destinations
            $0.district = district
            $0.channel = channel
            $0.urgent = urgent
            $0.summary = "test call \(call)"
            $0.duplicateOf = duplicateOf
        }
        return try await client.call(RoutingAPI.route, request, headers: key.map { [("Idempotency-Key", $0)] } ?? []).tickets
    }

    /// One ticket as it stands now.
    func ticket(_ id: String) async throws -> Fenliu_Routing_V1_Ticket {
        try await client.call(RoutingAPI.getTicket, .with { $0.id = id }).ticket
    }

    /// Closes a ticket the way feedback does: through `UpdateTicketStatus`.
    func finish(_ id: String) async throws {
        _ = try await client.call(
            RoutingAPI.updateTicketStatus,
            .with {
                $0.ticketID = id
                $0.status = .closed
                $0.sequence = 99
            })
    }

    /// Gives a department a webhook endpoint and, optionally, a secret of its own.
    func setEndpoint(_ departmentID: String, url: String, secret: String = "") async throws {
        let current = try await client.call(RoutingAPI.listDepartments, .with { $0.includeInactive = true })
            .departments.first { $0.id == departmentID }
        var department = try required(current, "department \(departmentID)")
        department.endpointURL = url
        _ = try await client.call(
            RoutingAPI.upsertDepartment,
            .with {
                $0.department = department
                $0.webhookSecret = secret
            })
    }
}

/// Unwraps a value a test cannot go on without.
func required<T>(_ value: T?, _ what: String) throws -> T {
    guard let value else { throw TestSetupError("missing \(what)") }
    return value
}

/// Whether two instants agree to the millisecond (timestamps pass through PostgreSQL's microseconds).
func isClose(_ first: Date, _ second: Date) -> Bool {
    abs(first.timeIntervalSince(second)) < 0.001
}
