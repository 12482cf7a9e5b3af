import FenliuModel
import Hummingbird
import Postgres
import SwiftProtobuf
import RPC
import ServiceSupport

/// A module that both sends (SubmitCall stores a row and hands an event on through the outbox) and
/// receives (IngestEvents applies each message once through the inbox), so one module plays both
/// ends of a hand-off.
struct RelayModule: ServiceModule {
    static let service = ServiceName.reporting
    static let requiredPeers: [ServiceName] = []
    static let migrations = [
        Migration(version: 1, name: "relay", sql: "CREATE TABLE sent (id text PRIMARY KEY); CREATE TABLE received (id text);"),
    ]

    let environment: ServiceEnvironment

    init(environment: ServiceEnvironment) async throws {
        self.environment = environment
    }

    func registerMethods(on server: RPCServer<BasicRequestContext>) {
        let database = environment.database
        let outbox = environment.outbox
        server.register(IntakeAPI.submitCall) { request, _ in
            let id = request.externalID
            let event = Fenliu_Reporting_V1_IngestEventsRequest.with { $0.events = [.with { $0.id = id; $0.type = "relay" }] }
            try await database.transaction { connection in
                try connection.query("INSERT INTO sent (id) VALUES (\(id))")
                if request.description_p == "webhook" {
                    try outbox.enqueue(event, to: .webhook(url: request.address, signingKey: "default"), on: connection)
                } else {
                    try outbox.enqueue(event, to: .peer(.reporting, path: ReportingAPI.ingestEvents.path), on: connection)
                }
            }
            outbox.committed()
            return Fenliu_Intake_V1_SubmitCallResponse.with { $0.call.id = id }
        }
        server.register(ReportingAPI.ingestEvents) { request, context in
            try await Inbox.once(key: context.idempotencyKey, method: "IngestEvents", on: database) { connection in
                for event in request.events {
                    try connection.query("INSERT INTO received (id) VALUES (\(event.id))")
                }
                return Fenliu_Reporting_V1_IngestEventsResponse.with { $0.accepted = Int32(request.events.count) }
            }
        }
    }
}
