import HTTPClient
import Hummingbird
import Logging
import Postgres
import RPC
import ServiceLifecycle

/// What each service adds to the shared runtime: its migrations, its handlers (the generated
/// `<Service>Handler` protocols), any extra HTTP routes (Open311, dashboards), background work
/// (deadline clocks) and where its webhooks go.
public protocol ServiceModule: Sendable {
    /// The service's own settings, read at start-up with the shared reader (every problem listed).
    associatedtype Configuration: ModuleConfiguration = NoModuleConfiguration

    /// Which service this is.
    static var service: ServiceName { get }
    /// The peers it cannot run without; start-up stops with a clear message when one is not configured.
    static var requiredPeers: [ServiceName] { get }
    /// Whether it signs webhooks with `FENLIU_WEBHOOK_SECRET` for receivers without a secret of
    /// their own (routing's departments): then start-up refuses to run without one, rather than
    /// parking every delivery — emergency tickets too — until an operator notices.
    static var signsWebhooks: Bool { get }
    /// The service's own schema migrations, in version order.
    static var migrations: [Migration] { get }

    /// Builds the module from the shared runtime and its own settings.
    init(environment: ServiceEnvironment, configuration: Configuration) async throws

    /// The Connect handlers; each registers every method of its service.
    var handlers: [any ServiceHandler] { get }

    /// Registers plain HTTP routes beside the Connect ones.
    func registerRoutes(on router: Router<BasicRequestContext>)

    /// Those routes in OpenAPI form for `/openapi.json`: a JSON object `{"paths": {…}, "schemas":
    /// {…}}` (schemas referenced as `#/components/schemas/<name>`); `nil` when there are none.
    var routesDescription: String? { get }

    /// Long-running work started and stopped with the server.
    var backgroundServices: [any Service] { get }

    /// Where webhooks for `subscriber` go now (an outbox webhook names its subscriber, e.g. a
    /// department id, and is resolved when it is sent); `nil` while the subscriber has no endpoint.
    func webhookEndpoint(for subscriber: String) async throws -> WebhookEndpoint?

    /// Called in the transaction that marks an outbox message delivered (routing reports that a
    /// ticket reached its holder's system), for messages to `outboxDeliveryTargets` only. The default
    /// does nothing.
    func outboxDelivered(_ message: OutboxMessage, on connection: PostgresConnection) throws

    /// The outbox targets whose deliveries `outboxDelivered` acts on (`Outbox.webhookTarget`, a peer's
    /// name). Every other delivery is marked with one statement, no transaction around it: a COMMIT's
    /// round trip fewer for most rounds. The default is none.
    static var outboxDeliveryTargets: Set<String> { get }
}

extension ServiceModule {
    public func registerRoutes(on router: Router<BasicRequestContext>) {}
    public var routesDescription: String? { nil }
    public var backgroundServices: [any Service] { [] }
    public func webhookEndpoint(for subscriber: String) async throws -> WebhookEndpoint? { nil }
    public func outboxDelivered(_ message: OutboxMessage, on connection: PostgresConnection) throws {}
    public static var outboxDeliveryTargets: Set<String> { [] }
    public static var signsWebhooks: Bool { false }
}

/// Where a webhook goes, resolved when it is sent.
public struct WebhookEndpoint: Sendable, Equatable {
    /// The receiver's URL.
    public var url: String
    /// The receiver's own secret; `nil` signs with `FENLIU_WEBHOOK_SECRET`.
    public var secret: String?

    /// Creates an endpoint.
    public init(url: String, secret: String? = nil) {
        self.url = url
        self.secret = secret
    }
}

/// The shared runtime a module is built from.
public struct ServiceEnvironment: Sendable {
    /// The configuration read at start-up.
    public let configuration: ServiceConfiguration
    /// The service's database, already migrated.
    public let database: PostgresPool
    /// The libcurl client for calls the service makes while serving requests (the outbox worker
    /// has its own, so slow request-time calls never hold up hand-offs).
    public let httpClient: HTTPClient
    /// The service's outbox.
    public let outbox: Outbox
    /// The metrics registry behind `GET /metrics`.
    public let metrics: MetricsRegistry
    /// Hands domain events to reporting through the outbox.
    public var reporter: EventReporter {
        EventReporter(source: configuration.service, outbox: outbox, isEnabled: configuration.peers[.reporting] != nil)
    }
    /// The service's logger.
    public let logger: Logger
    /// The service's keys (Open311's `api_key` is checked against them).
    public let keys: KeyStore
    /// The gate every Connect call passes; `nil` when keys are off (`FENLIU_AUTH=off`).
    public let gate: AccessGate?

    /// Creates an environment (the runtime does; tests of a single handler may too).
    public init(
        configuration: ServiceConfiguration, database: PostgresPool, httpClient: HTTPClient, outbox: Outbox,
        metrics: MetricsRegistry, logger: Logger, keys: KeyStore, gate: AccessGate?
    ) {
        self.keys = keys
        self.gate = gate
        self.configuration = configuration
        self.database = database
        self.httpClient = httpClient
        self.outbox = outbox
        self.metrics = metrics
        self.logger = logger
    }

    /// A client for a peer service, or `nil` when its URL is not configured.
    public func client(for peer: ServiceName, timeout: Duration = .seconds(10)) -> RPCClient? {
        configuration.peers[peer].map { RPCClient(baseURL: $0, httpClient: httpClient, timeout: timeout, key: configuration.access.serviceKey) }
    }
}
