import FenliuModel
import Hummingbird
import Postgres
import RPC
import ServiceSupport

/// The intake service as the shared runtime runs it: the Connect API of `fenliu.intake.v1` and the
/// Open311 GeoReport v2 front door, over one path that validates, links repeat calls, stores and
/// hands each call to classification.
public struct IntakeModule: ServiceModule {
    public static let service = ServiceName.intake
    /// Classification receives every call; routing is optional (Open311 statuses only).
    public static let requiredPeers: [ServiceName] = [.classification]
    public static let migrations: [Migration] = IntakeMigrations.all

    let environment: ServiceEnvironment
    let intake: CallIntake
    let catalogue: Open311Catalogue

    public init(environment: ServiceEnvironment) async throws {
        self.environment = environment
        self.intake = CallIntake(database: environment.database, outbox: environment.outbox, logger: environment.logger)
        self.catalogue = Open311Catalogue(client: environment.client(for: .classification), logger: environment.logger)
    }

    public func registerMethods(on server: RPCServer<BasicRequestContext>) {
        IntakeHandlers(intake: intake).register(on: server)
    }

    public func registerRoutes(on router: Router<BasicRequestContext>) {
        let status = Open311StatusSource(routing: environment.client(for: .routing), logger: environment.logger)
        Open311Routes(intake: intake, catalogue: catalogue, status: status, maximumBodyBytes: environment.configuration.maximumBodyBytes)
            .register(on: router)
    }
}
