import HTTPClient
import Hummingbird
import Logging
import Postgres
import RPC
import ServiceLifecycle

/// What each service adds to the shared runtime: its migrations, its RPC handlers, any extra HTTP
/// routes (Open311, dashboards) and background work (deadline clocks).
public protocol ServiceModule: Sendable {
    /// Which service this is.
    static var service: ServiceName { get }
    /// The peers it cannot run without; start-up stops with a clear message when one is not configured.
    static var requiredPeers: [ServiceName] { get }
    /// The service's own schema migrations, in version order.
    static var migrations: [Migration] { get }

    /// Builds the module from the shared runtime.
    init(environment: ServiceEnvironment) async throws

    /// Registers the service's Connect methods.
    func registerMethods(on server: RPCServer<BasicRequestContext>)

    /// Registers plain HTTP routes beside the Connect ones.
    func registerRoutes(on router: Router<BasicRequestContext>)

    /// Long-running work started and stopped with the server.
    var backgroundServices: [any Service] { get }

    /// Finds the secret that signs webhooks for `signingKey` (e.g. a department id). The default
    /// returns `FENLIU_WEBHOOK_SECRET` for every key.
    func webhookSecret(for signingKey: String) async throws -> String?
}

extension ServiceModule {
    public func registerRoutes(on router: Router<BasicRequestContext>) {}
    public var backgroundServices: [any Service] { [] }
}

/// The shared runtime a module is built from.
public struct ServiceEnvironment: Sendable {
    /// The configuration read at start-up.
    public let configuration: ServiceConfiguration
    /// The service's database, already migrated.
    public let database: PostgresPool
    /// The libcurl client shared by every outbound call.
    public let httpClient: HTTPClient
    /// The service's outbox.
    public let outbox: Outbox
    /// The metrics registry behind `GET /metrics`.
    public let metrics: MetricsRegistry
    /// The service's logger.
    public let logger: Logger

    /// A client for a peer service, or `nil` when its URL is not configured.
    public func client(for peer: ServiceName, timeout: Duration = .seconds(10)) -> RPCClient? {
        configuration.peers[peer].map { RPCClient(baseURL: $0, httpClient: httpClient, timeout: timeout) }
    }
}

extension ServiceModule {
    public func webhookSecret(for signingKey: String) async throws -> String? { nil }
}
