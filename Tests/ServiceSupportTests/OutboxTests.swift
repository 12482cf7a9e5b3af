import FenliuModel
import Foundation
import HTTPClient
import HTTPTypes
import Hummingbird
import Postgres
import RPC
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

@testable import ServiceSupport

@Suite("Outbox and inbox: hand-offs that lose nothing")
struct OutboxTests {
    let client = TestHTTP.client

    func submit(_ base: String, id: String, description: String = "", address: String = "") async throws {
        _ = try await RPCClient(baseURL: base, httpClient: client, timeout: TestHTTP.rpcTimeout).call(
            IntakeAPI.submitCall,
            .with {
                $0.externalID = id
                $0.description_p = description
                $0.address = address
            })
    }

    func count(_ table: String, in database: PostgresPool) async throws -> Int {
        try #require(try await database.query("SELECT count(*) AS n FROM \(unescaped: table)").first).decode("n")
    }

    @Test("a message survives its receiver being down and is applied once when delivered twice")
    func survivesAndAppliesOnce() async throws {
        let receiverPort = try unusedPort()
        try await TestService.with(RelayModule.self, peers: [.reporting: "http://127.0.0.1:\(receiverPort)"]) { sender, senderDB in
            try await submit(sender, id: "call-1")
            // Stored and queued in one transaction, before the answer.
            #expect(try await count("sent", in: senderDB) == 1)
            #expect(try await count("outbox", in: senderDB) == 1)
            // The receiver is down: attempts fail, the message stays, visible through the admin API.
            #expect(await eventually { (try? await self.lastError(senderDB)) != nil })
            let listed = try await RPCClient(baseURL: sender, httpClient: client, timeout: TestHTTP.rpcTimeout).call(AdminAPI.listOutbox, .init())
            #expect(listed.pending == 1)
            #expect(listed.messages.first?.state == "pending")
            #expect(listed.messages.first?.lastError.contains("unavailable") == true)

            try await TestService.with(RelayModule.self, port: receiverPort) { _, receiverDB in
                #expect(await eventually { (try? await self.count("received", in: receiverDB)) == 1 })
                #expect(await eventually { (try? await self.deliveredCount(senderDB)) == 1 })
                // Deliver the same message again, as a crash between send and bookkeeping would.
                try await senderDB.query("UPDATE outbox SET delivered_at = NULL, next_attempt_at = now()")
                #expect(await eventually { (try? await self.deliveredCount(senderDB)) == 1 })
                #expect(try await count("received", in: receiverDB) == 1)
                #expect(try await count("inbox", in: receiverDB) == 1)
            }
        }
    }

    @Test("a message the receiver refuses for good is parked, then retried on request")
    func parksPermanentFailures() async throws {
        let router = Router()
        router.post(RouterPath(ReportingAPI.ingestEvents.path)) { _, _ in
            Response(
                status: .badRequest, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: .init(string: #"{"code":"invalid_argument","message":"no"}"#)))
        }
        try await RunningApplication.with(router: router) { refusing in
            try await TestService.with(RelayModule.self, peers: [.reporting: refusing]) { sender, senderDB in
                try await submit(sender, id: "call-parked")
                let admin = RPCClient(baseURL: sender, httpClient: client, timeout: TestHTTP.rpcTimeout)
                #expect(await eventually { (try? await admin.call(AdminAPI.listOutbox, .init()).parked) == 1 })
                let message = try #require(try await admin.call(AdminAPI.listOutbox, .init()).messages.first)
                #expect(message.state == "parked")
                let metrics = try await client.execute(HTTPClientRequest(url: sender + "/metrics")).text
                #expect(metrics.contains("fenliu_outbox_parked 1"))
                let retried = try await admin.call(AdminAPI.retryOutboxMessage, .with { $0.id = message.id })
                #expect(retried.message.state == "pending")
                let unknown = await #expect(throws: ConnectError.self) {
                    try await admin.call(AdminAPI.retryOutboxMessage, .with { $0.id = UUID().uuidString })
                }
                #expect(unknown?.code == .notFound)
            }
        }
    }

    @Test("webhooks carry an HMAC-SHA256 signature the receiver can verify")
    func signedWebhook() async throws {
        let seen = Mutex<[(signature: String, key: String, body: [UInt8])]>([])
        let router = Router()
        router.post("/hook") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: 65536)
            let signature = request.headers[HTTPField.Name(WebhookSignature.headerName)!] ?? ""
            let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? ""
            seen.withLock { $0.append((signature, key, Array(body.readableBytesView))) }
            return HTTPResponse.Status.noContent
        }
        try await RunningApplication.with(router: router) { receiver in
            try await TestService.with(RelayModule.self, webhookSecret: "s3cret") { sender, _ in
                try await submit(sender, id: "call-hook", description: "webhook", address: receiver + "/hook")
                #expect(await eventually { seen.withLock { !$0.isEmpty } })
                let delivery = try #require(seen.withLock { $0.first })
                #expect(WebhookSignature.verify(header: delivery.signature, body: delivery.body, secret: "s3cret"))
                #expect(!WebhookSignature.verify(header: delivery.signature, body: delivery.body, secret: "other"))
                #expect(UUID(uuidString: delivery.key) != nil)
                #expect(String(decoding: delivery.body, as: UTF8.self).contains("call-hook"))
            }
        }
    }

    @Test("an idempotency key belongs to one method: a repeat is answered from the inbox, reuse elsewhere is refused")
    func keyBelongsToOneMethod() async throws {
        let pool = try await TestDatabase.makePool("inbox")
        defer { Task { try? await pool.shutdown() } }
        try await Migrator.migrate([Outbox.migrations], on: pool)
        let runs = Mutex(0)
        let effect: @Sendable (PostgresConnection) throws -> Fenliu_Reporting_V1_IngestEventsResponse = { _ in
            runs.withLock { $0 += 1 }
            return .with { $0.accepted = 7 }
        }
        let first = try await Inbox.once(key: "k-1", method: "IngestEvents", on: pool, effect)
        let again = try await Inbox.once(key: "k-1", method: "IngestEvents", on: pool, effect)
        #expect(first.accepted == 7 && again.accepted == 7)
        #expect(runs.withLock { $0 } == 1)
        // A caller's key is any text: quotes, backslashes, commas and braces stay one key.
        let odd = #"a "quoted", {braced} \ key"#
        _ = try await Inbox.once(key: odd, method: "IngestEvents", on: pool, effect)
        _ = try await Inbox.once(key: odd, method: "IngestEvents", on: pool, effect)
        #expect(runs.withLock { $0 } == 2)
        let stored = try await pool.query("SELECT idempotency_key FROM inbox ORDER BY idempotency_key").map {
            try $0.decode("idempotency_key", as: String.self)
        }
        #expect(stored == [odd, "k-1"])
        // A batch's keys reach the server as one array literal, each element as it was sent.
        let keys = [odd, "k-1", "", #"\\"#, "键 \u{1F600},"]
        let echoed = try await pool.query("SELECT unnest(\(Inbox.textArray(keys))::text[]) AS key").map {
            try $0.decode("key", as: String.self)
        }
        #expect(echoed == keys)
        let long = await #expect(throws: ConnectError.self) {
            try await Inbox.once(key: String(repeating: "k", count: 257), method: "IngestEvents", on: pool, effect)
        }
        #expect(long?.fieldViolations.first?.field == "Idempotency-Key")
        let error = await #expect(throws: ConnectError.self) {
            try await Inbox.once(key: "k-1", method: "Route", on: pool, effect)
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.fieldViolations.first?.field == "Idempotency-Key")
    }

    private func lastError(_ database: PostgresPool) async throws -> String? {
        try await database.query("SELECT last_error FROM outbox").first?.decode("last_error", as: String?.self)
    }

    private func deliveredCount(_ database: PostgresPool) async throws -> Int {
        try #require(try await database.query("SELECT count(*) AS n FROM outbox WHERE delivered_at IS NOT NULL").first).decode("n")
    }
}
