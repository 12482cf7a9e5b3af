import FenliuModel
import Hummingbird
import Logging
import Postgres
import ServiceSupport

/// The intake service as the shared runtime runs it: the Connect API of `fenliu.intake.v1` and the
/// Open311 GeoReport v2 front door, over one path that validates, links repeat calls, stores and
/// hands each call to classification.
public struct IntakeModule: ServiceModule {
    /// This is the intake service.
    public static let service = ServiceName.intake
    /// Classification receives every call, reporting every call's event; feedback is optional (Open311
    /// statuses only).
    public static let requiredPeers: [ServiceName] = [.classification, .reporting]
    /// The `calls` table and its indexes.
    public static let migrations: [Migration] = IntakeMigrations.all

    /// The shared runtime.
    let environment: ServiceEnvironment
    /// The one path every call takes in.
    let intake: CallIntake
    /// Classification's catalogue as Open311 services, cached.
    let catalogue: Open311Catalogue

    /// Builds the module from the shared runtime.
    public init(environment: ServiceEnvironment, configuration: IntakeConfiguration) async throws {
        self.environment = environment
        self.intake = CallIntake(
            database: environment.database, outbox: environment.outbox, logger: environment.logger, reporter: environment.reporter,
            cipher: configuration.cipher)
        if !configuration.cipher.isEnabled {
            environment.logger.warning("FENLIU_DATA_KEYS is not set: callers' names, phones and emails are stored in clear")
        }
        self.catalogue = Open311Catalogue(
            client: environment.client(for: .classification), logger: environment.logger, freshFor: configuration.open311CatalogueLifetime
        )
    }

    /// `fenliu.intake.v1.IntakeService`.
    public var handlers: [any ServiceHandler] { [IntakeHandlers(intake: intake, feedback: environment.client(for: .feedback))] }

    /// Serves the Open311 GeoReport v2 front door under `/open311/v2/`.
    public func registerRoutes(on router: Router<BasicRequestContext>) {
        let status = Open311StatusSource(feedback: environment.client(for: .feedback), logger: environment.logger)
        Open311Routes(
            intake: intake, catalogue: catalogue, status: status, maximumBodyBytes: environment.configuration.maximumBodyBytes,
            gate: environment.gate
        )
        .register(on: router)
    }

    public var routesDescription: String? { Open311Routes.description }
}
