import FenliuModel
import Foundation
import Hummingbird
import Logging
import Postgres
import RPC
import ServiceSupport

/// The routing service as the shared runtime runs it: turns classifications into tickets, gets each
/// ticket to whoever must act (signed webhooks through the outbox), and handles returns and disputes.
public struct RoutingModule: ServiceModule {
    public static let service = ServiceName.routing
    public static let requiredPeers: [ServiceName] = [.feedback]
    public static let migrations: [Migration] = RoutingMigrations.all

    /// The shared runtime: database, outbox, logger.
    let environment: ServiceEnvironment
    /// Routing's own settings.
    let configuration: RoutingConfiguration

    /// The routing schema.
    var database: PostgresPool { environment.database }
    /// Deadlines, calendar and returns.
    var policy: RoutingPolicy { configuration.policy }

    /// Reads the routing settings and seeds an empty directory (unless turned off).
    public init(environment: ServiceEnvironment) async throws {
        try await self.init(environment: environment, configuration: .fromEnvironment(ProcessInfo.processInfo.environment))
    }

    /// Builds the module with explicit settings.
    public init(environment: ServiceEnvironment, configuration: RoutingConfiguration) async throws {
        self.environment = environment
        self.configuration = configuration
        if configuration.seedsDirectory {
            let seeded = try await DirectorySeeder.seedIfEmpty(
                try DirectorySeeder.bundledSeed(), defaultEndpoint: configuration.defaultEndpoint, on: environment.database
            )
            if seeded { environment.logger.info("seeded the routing directory from seed-directory.json") }
        }
    }

    public func registerMethods(on server: RPCServer<BasicRequestContext>) {
        server.register(RoutingAPI.route) { request, context in try await route(request, context: context) }
        server.register(RoutingAPI.getTicket) { request, _ in try await getTicket(request) }
        server.register(RoutingAPI.listTickets) { request, _ in try await listTickets(request) }
        server.register(RoutingAPI.returnTicket) { request, context in try await returnTicket(request, context: context) }
        server.register(RoutingAPI.assignTicket) { request, context in try await assignTicket(request, context: context) }
        server.register(RoutingAPI.listDepartments) { request, _ in try await listDepartments(request) }
        server.register(RoutingAPI.upsertDepartment) { request, _ in try await upsertDepartment(request) }
        server.register(RoutingAPI.getRoutingRules) { request, _ in try await getRoutingRules(request) }
        server.register(RoutingAPI.publishRoutingRules) { request, _ in try await publishRoutingRules(request) }
        server.register(RoutingAPI.listDisputes) { request, _ in try await listDisputes(request) }
    }

    /// The department's own webhook secret; `nil` lets the runtime fall back to `FENLIU_WEBHOOK_SECRET`.
    public func webhookSecret(for signingKey: String) async throws -> String? {
        try await database.withConnection { try DepartmentStore.secret(for: signingKey, on: $0) }
    }

    /// Queues the ticket for its department's system in the caller's transaction and records the
    /// outbox message on the ticket. A department without an endpoint leaves the ticket pending
    /// (visible as DELIVERY_PENDING) until `UpsertDepartment` gives it one.
    func deliver(_ ticketID: String, on connection: PostgresConnection) throws {
        guard let ticket = try TicketStore.find(ticketID, on: connection),
              let department = try DepartmentStore.find(ticket.departmentID, on: connection),
              !department.endpointURL.isEmpty
        else { return }
        var payload = ticket.proto
        payload.deliveryState = .unspecified
        let id = try environment.outbox.enqueue(payload, to: .webhook(url: department.endpointURL, signingKey: department.id), on: connection)
        try TicketStore.setDelivery(ticketID, outboxID: id, on: connection)
    }

    /// The resolver over the current rules and directory.
    func resolver(on connection: PostgresConnection) throws -> (resolver: RuleResolver, version: String) {
        let rules = try RuleStore.current(on: connection)
        return (RuleResolver(rules: rules?.rules ?? [], departments: try DepartmentStore.all(on: connection)), rules?.version ?? "")
    }
}
