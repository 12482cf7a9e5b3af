import FenliuModel
import Hummingbird
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

/// A module that both sends (SubmitCall stores a row and hands an event on through the outbox) and
/// receives (IngestEvents applies each message once through the inbox), so one module plays both
/// ends of a hand-off. A webhook's subscriber is the URL itself.
struct RelayModule: ServiceModule {
    static let service = ServiceName.reporting
    static let requiredPeers: [ServiceName] = []
    static let migrations = [
        Migration(version: 1, name: "relay", sql: "CREATE TABLE sent (id text PRIMARY KEY); CREATE TABLE received (id text);")
    ]

    let environment: ServiceEnvironment

    init(environment: ServiceEnvironment, configuration: NoModuleConfiguration) async throws {
        self.environment = environment
    }

    var handlers: [any ServiceHandler] {
        [RelaySender(database: environment.database, outbox: environment.outbox), RelayReceiver()]
    }

    func webhookEndpoint(for subscriber: String) async throws -> WebhookEndpoint? {
        subscriber.hasPrefix("http") ? WebhookEndpoint(url: subscriber) : nil
    }
}

/// SubmitCall stores a row and hands an event on, to the relay's peer or to a webhook.
struct RelaySender: IntakeServiceHandler {
    let database: PostgresPool
    let outbox: Outbox

    func submitCall(_ request: Fenliu_Intake_V1_SubmitCallRequest, context: RPCContext) async throws -> Fenliu_Intake_V1_SubmitCallResponse {
        let id = request.externalID
        let event = Fenliu_Reporting_V1_IngestEventsRequest.with {
            $0.events = [
                .with {
                    $0.id = id; $0.type = "relay"
                }
            ]
        }
        let outbox = self.outbox
        try await database.transaction { connection in
            try connection.query("INSERT INTO sent (id) VALUES (\(id))")
            if request.description_p == "webhook" {
                try outbox.enqueue(webhook: event, for: request.address, on: connection)
            } else {
                try outbox.enqueue(ReportingAPI.ingestEvents, event, on: connection)
            }
        }
        return Fenliu_Intake_V1_SubmitCallResponse.with { $0.call.id = id }
    }
}

/// IngestEvents applies each delivery once. A request without events is refused when checked; an
/// event of type `fail` is refused inside the transaction, after the events before it were written.
struct RelayReceiver: ReportingServiceHandler {
    func ingestEvents(_ request: Fenliu_Reporting_V1_IngestEventsRequest, context: RPCContext) async throws -> Effect<Fenliu_Reporting_V1_IngestEventsResponse>
    {
        guard !request.events.isEmpty else { throw ConnectError.invalidArgument(field: "events", "is required") }
        return Effect { connection in
            for event in request.events {
                try connection.query("INSERT INTO received (id) VALUES (\(event.id))")
                if event.type == "fail" { throw ConnectError(.failedPrecondition, "event \(event.id) is refused") }
            }
            return Fenliu_Reporting_V1_IngestEventsResponse.with { $0.accepted = Int32(request.events.count) }
        }
    }
}
