import FenliuModel
import Postgres
import ServiceLifecycle
import ServiceSupport

/// The feedback service as the shared runtime runs it: the ticket lifecycle after routing, the
/// deadline clocks and escalation, status pushed to subscribers, and the satisfaction callback.
public struct FeedbackModule: ServiceModule {
    public static let service = ServiceName.feedback
    /// Routing takes returns and every state change; reporting every event.
    public static let requiredPeers: [ServiceName] = [.routing, .reporting]
    public static let migrations: [Migration] = FeedbackMigrations.all

    let database: PostgresPool
    let handler: FeedbackHandlers
    let watcher: ClockWatcher

    public init(environment: ServiceEnvironment, configuration: FeedbackConfiguration) async throws {
        database = environment.database
        let journal = TicketJournal(outbox: environment.outbox, reporter: environment.reporter)
        handler = FeedbackHandlers(database: environment.database, journal: journal, configuration: configuration)
        watcher = ClockWatcher(database: environment.database, journal: journal, configuration: configuration, logger: environment.logger)
        if !configuration.defaultSubscriptions.isEmpty {
            guard let secret = environment.configuration.webhookSecret else {
                throw ConfigurationError(
                    service: Self.service, problems: ["FENLIU_FEEDBACK_DEFAULT_SUBSCRIPTIONS needs FENLIU_WEBHOOK_SECRET to sign with"])
            }
            let now = configuration.clock.now()
            try await environment.database.transaction { connection in
                try SubscriptionStore.ensure(configuration.defaultSubscriptions, secret: secret, at: now, on: connection)
            }
        }
    }

    public var handlers: [any ServiceHandler] { [handler] }

    public var backgroundServices: [any Service] { [watcher] }

    /// A subscription's URL and secret, read when a notice is sent; `nil` once it unsubscribed.
    public func webhookEndpoint(for subscriber: String) async throws -> WebhookEndpoint? {
        try await database.withConnection { connection in
            try SubscriptionStore.endpoint(of: subscriber, on: connection).map { WebhookEndpoint(url: $0.url, secret: $0.secret) }
        }
    }
}
