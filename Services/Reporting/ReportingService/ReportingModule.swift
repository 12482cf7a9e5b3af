import FenliuModel
import Postgres
import ServiceSupport

/// The reporting service as the shared runtime runs it. Its methods answer `unimplemented` until
/// the reporting issue implements them (the generated handler's defaults).
public struct ReportingModule: ServiceModule {
    public static let service = ServiceName.reporting
    public static let requiredPeers: [ServiceName] = []
    public static let migrations: [Migration] = []

    public init(environment: ServiceEnvironment, configuration: NoModuleConfiguration) async throws {}

    public var handlers: [any ServiceHandler] { [ReportingHandlers()] }
}
