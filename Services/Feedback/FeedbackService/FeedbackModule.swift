import FenliuModel
import Hummingbird
import Postgres
import RPC
import ServiceSupport

/// The feedback service as the shared runtime runs it.
public struct FeedbackModule: ServiceModule {
    public static let service = ServiceName.feedback
    public static let requiredPeers: [ServiceName] = [.routing, .reporting]
    public static let migrations: [Migration] = []

    let environment: ServiceEnvironment

    public init(environment: ServiceEnvironment) async throws {
        self.environment = environment
    }

    public func registerMethods(on server: RPCServer<BasicRequestContext>) {
        server.registerUnimplemented(FeedbackAPI.trackTicket, until: "the feedback issue brings it")
        server.registerUnimplemented(FeedbackAPI.recordEvent, until: "the feedback issue brings it")
        server.registerUnimplemented(FeedbackAPI.getTimeline, until: "the feedback issue brings it")
        server.registerUnimplemented(FeedbackAPI.subscribe, until: "the feedback issue brings it")
        server.registerUnimplemented(FeedbackAPI.recordCallback, until: "the feedback issue brings it")
    }
}
