import FenliuModel
import Hummingbird
import Postgres
import RPC
import ServiceSupport

/// The classification service as the shared runtime runs it.
public struct ClassificationModule: ServiceModule {
    public static let service = ServiceName.classification
    public static let requiredPeers: [ServiceName] = [.routing, .intake]
    public static let migrations: [Migration] = []

    let environment: ServiceEnvironment

    public init(environment: ServiceEnvironment) async throws {
        self.environment = environment
    }

    public func registerMethods(on server: RPCServer<BasicRequestContext>) {
        server.registerUnimplemented(ClassificationAPI.classifyText, until: "see issue 4")
        server.registerUnimplemented(ClassificationAPI.classify, until: "see issue 4")
        server.registerUnimplemented(ClassificationAPI.getDecision, until: "see issue 4")
        server.registerUnimplemented(ClassificationAPI.listReviewQueue, until: "see issue 4")
        server.registerUnimplemented(ClassificationAPI.resolveReview, until: "see issue 4")
        server.registerUnimplemented(ClassificationAPI.getCatalogue, until: "see issue 4")
        server.registerUnimplemented(ClassificationAPI.publishCatalogue, until: "see issue 4")
    }
}
