import FenliuModel
import Hummingbird
import Postgres
import RPC
import ServiceSupport

/// The routing service as the shared runtime runs it.
public struct RoutingModule: ServiceModule {
    public static let service = ServiceName.routing
    public static let requiredPeers: [ServiceName] = [.feedback]
    public static let migrations: [Migration] = []

    let environment: ServiceEnvironment

    public init(environment: ServiceEnvironment) async throws {
        self.environment = environment
    }

    public func registerMethods(on server: RPCServer<BasicRequestContext>) {
        server.registerUnimplemented(RoutingAPI.route, until: "see issue 5")
        server.registerUnimplemented(RoutingAPI.getTicket, until: "see issue 5")
        server.registerUnimplemented(RoutingAPI.listTickets, until: "see issue 5")
        server.registerUnimplemented(RoutingAPI.returnTicket, until: "see issue 5")
        server.registerUnimplemented(RoutingAPI.assignTicket, until: "see issue 5")
        server.registerUnimplemented(RoutingAPI.listDepartments, until: "see issue 5")
        server.registerUnimplemented(RoutingAPI.upsertDepartment, until: "see issue 5")
        server.registerUnimplemented(RoutingAPI.getRoutingRules, until: "see issue 5")
        server.registerUnimplemented(RoutingAPI.publishRoutingRules, until: "see issue 5")
        server.registerUnimplemented(RoutingAPI.listDisputes, until: "see issue 5")
    }
}
