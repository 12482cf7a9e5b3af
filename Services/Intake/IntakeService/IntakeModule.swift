import FenliuModel
import Hummingbird
import Postgres
import RPC
import ServiceSupport

/// The intake service as the shared runtime runs it.
public struct IntakeModule: ServiceModule {
    public static let service = ServiceName.intake
    public static let requiredPeers: [ServiceName] = [.classification]
    public static let migrations: [Migration] = []

    let environment: ServiceEnvironment

    public init(environment: ServiceEnvironment) async throws {
        self.environment = environment
    }

    public func registerMethods(on server: RPCServer<BasicRequestContext>) {
        server.registerUnimplemented(IntakeAPI.submitCall, until: "see issue 3")
        server.registerUnimplemented(IntakeAPI.getCall, until: "see issue 3")
        server.registerUnimplemented(IntakeAPI.listCalls, until: "see issue 3")
        server.registerUnimplemented(IntakeAPI.updateCallElements, until: "see issue 3")
        server.registerUnimplemented(IntakeAPI.attachClassification, until: "see issue 3")
    }
}
