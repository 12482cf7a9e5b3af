import FenliuModel
import Hummingbird
import Logging
import Postgres
import ServiceSupport

/// The reporting service as the shared runtime runs it: the events of the other four services in,
/// every figure out — the Connect API of `fenliu.reporting.v1`, the CSV downloads and the dashboard.
public struct ReportingModule: ServiceModule {
    public static let service = ServiceName.reporting
    /// Reporting only listens: the others send it their events.
    public static let requiredPeers: [ServiceName] = []
    public static let migrations: [Migration] = ReportingMigrations.all

    let database: PostgresPool
    let configuration: ReportingConfiguration
    let logger: Logger

    public init(environment: ServiceEnvironment, configuration: ReportingConfiguration) async throws {
        database = environment.database
        self.configuration = configuration
        logger = environment.logger
    }

    public var handlers: [any ServiceHandler] { [ReportingHandlers(database: database)] }

    /// The dashboard at `/` and the CSV downloads under `/reports/`.
    public func registerRoutes(on router: Router<BasicRequestContext>) {
        ReportingRoutes(database: database, configuration: configuration, logger: logger).register(on: router)
    }

    public var routesDescription: String? { ReportingRoutes.description }
}
