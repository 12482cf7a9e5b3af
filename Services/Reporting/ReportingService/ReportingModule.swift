import FenliuModel
import Hummingbird
import Postgres
import RPC
import ServiceSupport

/// The reporting service as the shared runtime runs it.
public struct ReportingModule: ServiceModule {
    public static let service = ServiceName.reporting
    public static let requiredPeers: [ServiceName] = []
    public static let migrations: [Migration] = []

    let environment: ServiceEnvironment

    public init(environment: ServiceEnvironment) async throws {
        self.environment = environment
    }

    public func registerMethods(on server: RPCServer<BasicRequestContext>) {
        server.registerUnimplemented(ReportingAPI.ingestEvents, until: "the reporting issue brings it")
        server.registerUnimplemented(ReportingAPI.getMonthlyBulletin, until: "the reporting issue brings it")
        server.registerUnimplemented(ReportingAPI.listDisputedMatters, until: "the reporting issue brings it")
    }
}
