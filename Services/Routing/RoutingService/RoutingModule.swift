import FenliuModel
import Foundation
import Logging
import Postgres
import ServiceSupport

/// The routing service as the shared runtime runs it: turns classifications into tickets, gets each
/// ticket to whoever must act (signed webhooks through the outbox), and handles returns and disputes.
public struct RoutingModule: ServiceModule {
    public static let service = ServiceName.routing
    public static let requiredPeers: [ServiceName] = [.feedback, .reporting]
    public static let signsWebhooks = true
    public static let migrations: [Migration] = RoutingMigrations.all

    /// The routing schema.
    let database: PostgresPool
    /// The Connect methods.
    let handler: RoutingHandlers
    /// Tells reporting about tickets.
    let reporter: EventReporter

    /// Builds the module and seeds an empty directory (unless turned off).
    public init(environment: ServiceEnvironment, configuration: RoutingConfiguration) async throws {
        database = environment.database
        reporter = environment.reporter
        handler = RoutingHandlers(
            database: environment.database, policy: configuration.policy, reporter: environment.reporter)
        if configuration.seedsDirectory {
            let seeded = try await DirectorySeeder.seedIfEmpty(
                try DirectorySeeder.bundledSeed(), defaultEndpoint: configuration.defaultEndpoint, on: environment.database
            )
            if seeded { environment.logger.info("seeded the routing directory from seed-directory.json") }
        }
        // Seeded without FENLIU_ROUTING_DEFAULT_ENDPOINT, 110, 119 and 120 have nowhere to go: their
        // tickets wait in the outbox until an operator gives them an endpoint. Said at every start.
        let unreachable = try await environment.database.withConnection { connection in
            try DirectoryValidation.emergencyServiceIDs.sorted().filter { try DepartmentStore.find($0, on: connection)?.endpointURL.isEmpty ?? false }
        }
        if !unreachable.isEmpty {
            environment.logger.warning(
                "emergency services without an endpoint: their tickets wait until UpsertDepartment gives one",
                metadata: ["departments": "\(unreachable.joined(separator: ", "))"])
        }
    }

    public var handlers: [any ServiceHandler] { [handler] }

    /// A department's endpoint and its own secret, read when its ticket is sent; `nil` while it has
    /// no endpoint (the message waits). `nil` secret: the runtime signs with `FENLIU_WEBHOOK_SECRET`.
    public func webhookEndpoint(for subscriber: String) async throws -> WebhookEndpoint? {
        try await database.withConnection { connection in
            try DepartmentStore.endpoint(of: subscriber, on: connection).map { WebhookEndpoint(url: $0.url, secret: $0.secret) }
        }
    }

    /// Only webhooks run `outboxDelivered`; hand-offs to feedback and reporting are marked alone.
    public static var outboxDeliveryTargets: Set<String> { [Outbox.webhookTarget] }

    /// When a ticket's webhook is acknowledged, reporting hears that the ticket was delivered.
    public func outboxDelivered(_ message: OutboxMessage, on connection: PostgresConnection) throws {
        guard message.target == Outbox.webhookTarget, let ticket = try TicketStore.find(outboxID: message.id, on: connection) else { return }
        try reporter.report([ticket.deliveredEvent(reporter, message: message.id, at: Date())], on: connection)
    }
}
