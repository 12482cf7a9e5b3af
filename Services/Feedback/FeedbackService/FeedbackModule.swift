import FenliuModel
import Postgres
import ServiceSupport

/// The feedback service as the shared runtime runs it. Its methods answer `unimplemented` until
/// the feedback issue implements them (the generated handler's defaults).
public struct FeedbackModule: ServiceModule {
    public static let service = ServiceName.feedback
    public static let requiredPeers: [ServiceName] = [.routing, .reporting]
    public static let migrations: [Migration] = []

    public init(environment: ServiceEnvironment, configuration: NoModuleConfiguration) async throws {}

    public var handlers: [any ServiceHandler] { [FeedbackHandlers()] }
}
