import FenliuModel
import Foundation
import HTTPClient
import HTTPTypes
import Hummingbird
import Logging
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

/// How the outbox worker reads a webhook receiver's answers, keeps its bookkeeping tied to its own
/// claim, and keeps its tables small.
@Suite("Outbox delivery: receiver answers, claims, retention")
struct OutboxDeliveryTests {
    /// A database with the outbox tables and a worker with short delays and a one-second lease.
    func withWorker(
        endpoint: String, _ body: (PostgresPool, OutboxWorker) async throws -> Void
    ) async throws {
        let pool = try await TestDatabase.makePool("outbox_delivery", size: 3)
        defer { Task { try? await pool.shutdown() } }
        try await Migrator.migrate([Outbox.migrations], on: pool)
        let worker = OutboxWorker(
            pool: pool, httpClient: TestHTTP.client, peers: [:], endpoints: { _ in WebhookEndpoint(url: endpoint) },
            defaultSecret: "s", metrics: nil, logger: Logger(label: "test"),
            configuration: .init(baseRetryDelay: .milliseconds(10), maximumRetryDelay: .milliseconds(50), claimLease: .seconds(1))
        )
        try await body(pool, worker)
    }

    /// A database with the outbox tables and a worker whose webhooks to a subscriber go to
    /// `router`'s `/hooks/{subscriber}`.
    func withHooks(
        _ router: Hummingbird.Router<BasicRequestContext>, configuration: OutboxWorker.Configuration,
        _ body: (PostgresPool, OutboxWorker) async throws -> Void
    ) async throws {
        try await RunningApplication.with(router: router) { url in
            let pool = try await TestDatabase.makePool("outbox_delivery", size: 3)
            defer { Task { try? await pool.shutdown() } }
            try await Migrator.migrate([Outbox.migrations], on: pool)
            let worker = OutboxWorker(
                pool: pool, httpClient: TestHTTP.client, peers: [:], endpoints: { WebhookEndpoint(url: url + "/hooks/\($0)") },
                defaultSecret: "s", metrics: nil, logger: Logger(label: "test"), configuration: configuration)
            try await body(pool, worker)
        }
    }

    func enqueueWebhook(_ pool: PostgresPool, subscriber: String = "system") async throws -> UUID {
        try await pool.transaction { connection in
            try Outbox().enqueue(webhook: Fenliu_Reporting_V1_Event.with { $0.id = "e1" }, for: subscriber, on: connection)
        }
    }

    func row(_ pool: PostgresPool, _ id: UUID) async throws -> PostgresRow {
        try #require(try await pool.query("SELECT delivered_at, parked_at, last_error, attempts FROM outbox WHERE id = \(id)").first)
    }

    @Test("a batch writes a transaction's messages together, in the order added, with the ids it returned; an empty batch writes nothing")
    func batchOrder() async throws {
        try await withWorker(endpoint: "http://127.0.0.1:9") { pool, _ in
            let ids = try await pool.transaction { connection in
                var batch = Outbox.Batch()
                #expect(batch.isEmpty)
                try Outbox.Batch().write(on: connection)
                let first = try batch.add(webhook: Fenliu_Reporting_V1_Event.with { $0.id = "a" }, for: "dept", orderingKey: "dept/t1")
                let second = try batch.add(RoutingAPI.route, .with { $0.callID = "c1" })
                let third = try batch.add(webhook: Fenliu_Reporting_V1_Event.with { $0.id = "b" }, for: "dept", orderingKey: "dept/t1")
                try batch.write(on: connection)
                return [first, second, third]
            }
            let rows = try await pool.query("SELECT id, target, subscriber, ordering_key FROM outbox ORDER BY sequence")
            #expect(try rows.map { try $0.decode("id", as: UUID.self) } == ids)
            #expect(try rows.map { try $0.decode("target", as: String.self) } == ["webhook", "routing", "webhook"])
            #expect(try rows.map { try $0.decode("ordering_key", as: String?.self) } == ["dept/t1", nil, "dept/t1"])
        }
    }

    @Test("the delivery hook runs for its module's targets only; every other delivery is marked all the same, alone or in a round")
    func deliveryHookTargets() async throws {
        let receiver = StandInWebhookReceiver()
        try await RunningApplication.with(router: receiver.router) { url in
            for (targets, hooks) in [(Set([Outbox.webhookTarget]), true), (Set(["routing"]), false)] {
                let pool = try await TestDatabase.makePool("outbox_delivery", size: 3)
                defer { Task { try? await pool.shutdown() } }
                try await Migrator.migrate([Outbox.migrations], on: pool)
                let hooked = Mutex<[UUID]>([])
                let worker = OutboxWorker(
                    pool: pool, httpClient: TestHTTP.client, peers: [:], endpoints: { _ in WebhookEndpoint(url: url + "/hooks/h") },
                    onDelivered: { message, _ in hooked.withLock { $0.append(message.id) } }, deliveryTargets: targets,
                    defaultSecret: "s", metrics: nil, logger: Logger(label: "test"))
                // One message alone (marked by itself), then two in one round (marked together).
                let single = try await enqueueWebhook(pool)
                try await worker.deliverDue()
                let pair = [try await enqueueWebhook(pool), try await enqueueWebhook(pool)]
                try await worker.deliverDue()
                for id in [single] + pair {
                    #expect(try await row(pool, id).decode("delivered_at", as: Date?.self) != nil)
                }
                #expect(Set(hooked.withLock { $0 }) == (hooks ? Set([single] + pair) : []), "\(targets)")
            }
        }
    }

    @Test("401 and 404 are retried (a secret being rotated, a receiver being deployed), 409 counts as delivered, 422 is parked")
    func receiverAnswers() async throws {
        let receiver = StandInWebhookReceiver()
        try await RunningApplication.with(router: receiver.router) { url in
            for (status, expected) in [(401, "retry"), (404, "retry"), (409, "delivered"), (422, "parked")] {
                receiver.answer(status, for: "s\(status)")
                try await withWorker(endpoint: url + "/hooks/s\(status)") { pool, worker in
                    let id = try await enqueueWebhook(pool)
                    try await worker.deliverDue()
                    let stored = try await row(pool, id)
                    switch expected {
                    case "retry":
                        #expect(try stored.decode("delivered_at", as: Date?.self) == nil, "\(status)")
                        #expect(try stored.decode("parked_at", as: Date?.self) == nil, "\(status)")
                        #expect(try stored.decode("last_error", as: String?.self) == "HTTP \(status)")
                    case "delivered":
                        #expect(try stored.decode("delivered_at", as: Date?.self) != nil, "\(status)")
                    default:
                        #expect(try stored.decode("parked_at", as: Date?.self) != nil, "\(status)")
                    }
                }
            }
        }
    }

    @Test("an outcome is recorded only while the worker's claim stands: a late answer never overrides a newer claim's")
    func outcomeTiedToClaim() async throws {
        // The first replica's delivery hangs past its lease and is then refused for good (400); the
        // second replica claims the message after the lease ran out and is accepted at once. Each
        // replica has its own path, so arrival order at the receiver does not matter; the second
        // starts only once the slow request has arrived, so the first claim is the slow one even on
        // a loaded machine.
        let router = Hummingbird.Router()
        let slowArrived = Mutex(false)
        router.post("/hooks/slow") { _, _ -> HTTPResponse.Status in
            slowArrived.withLock { $0 = true }
            try await Task.sleep(for: .seconds(6))
            return .badRequest
        }
        router.post("/hooks/fast") { _, _ -> HTTPResponse.Status in .noContent }
        try await RunningApplication.with(router: router) { url in
            try await withWorker(endpoint: url + "/hooks/slow") { pool, first in
                let second = OutboxWorker(
                    pool: pool, httpClient: TestHTTP.client, peers: [:], endpoints: { _ in WebhookEndpoint(url: url + "/hooks/fast") },
                    defaultSecret: "s", metrics: nil, logger: Logger(label: "test"), configuration: .init(claimLease: .seconds(1))
                )
                let id = try await enqueueWebhook(pool)
                async let slow = first.deliverDue()
                #expect(await eventually(timeout: .seconds(10)) { slowArrived.withLock { $0 } })
                // The other replica claims the message as soon as the first claim's lease runs out.
                #expect(await eventually(timeout: .seconds(5)) { (try? await second.deliverDue()) == 1 })
                _ = try await slow
                let stored = try await row(pool, id)
                #expect(try stored.decode("delivered_at", as: Date?.self) != nil)
                #expect(try stored.decode("parked_at", as: Date?.self) == nil)
            }
        }
    }

    @Test("a round that outlasts half the lease records each outcome as it comes: a slow send does not hold a fast one's mark")
    func slowSendDoesNotHoldFastMarks() async throws {
        let router = Hummingbird.Router()
        let slowDone = Mutex(false)
        router.post("/hooks/slow") { _, _ -> HTTPResponse.Status in
            try await Task.sleep(for: .seconds(20))
            slowDone.withLock { $0 = true }
            return .noContent
        }
        router.post("/hooks/fast") { _, _ -> HTTPResponse.Status in .noContent }
        try await withHooks(router, configuration: .init(claimLease: .seconds(2))) { pool, worker in
            let fast = try await enqueueWebhook(pool, subscriber: "fast")
            let slow = try await enqueueWebhook(pool, subscriber: "slow")
            async let round = worker.deliverDue()
            // Marked about a second in (half the lease), while the slow send is still out: the slow one
            // takes 20 s, so a loaded machine that holds this task up for seconds still tells them apart.
            let markedEarly = await eventually(timeout: .seconds(15)) {
                (try? await row(pool, fast).decode("delivered_at", as: Date?.self)) != nil
            }
            #expect(markedEarly)
            #expect(!slowDone.withLock { $0 }, "the slow send was still out when the fast one was marked")
            #expect(try await round == 2)
            #expect(try await row(pool, slow).decode("delivered_at", as: Date?.self) != nil)
        }
    }

    @Test("with a linger, a wake-up after a quiet spell claims at once; a message written while a round runs waits the linger")
    func lingerOnlyWhenBusy() async throws {
        let router = Hummingbird.Router()
        let slowArrived = Mutex(false)
        router.post("/hooks/slow") { _, _ -> HTTPResponse.Status in
            slowArrived.withLock { $0 = true }
            // The busy message must be written while this send is out: 4 s leaves room for a stall.
            try await Task.sleep(for: .seconds(4))
            return .noContent
        }
        router.post("/hooks/fast") { _, _ -> HTTPResponse.Status in .noContent }
        try await withHooks(router, configuration: .init(pollInterval: .seconds(60), handOffLinger: .seconds(12))) { pool, worker in
            let running = Task { try await worker.run() }
            defer { running.cancel() }
            func now() async throws -> Date { try #require(try await pool.query("SELECT clock_timestamp() AS t").first).decode("t") }
            func deliveredAt(_ id: UUID) async throws -> Date? { try await row(pool, id).decode("delivered_at", as: Date?.self) }
            // A first message delivered, and longer than the linger after: however the worker's first
            // rounds went (this wake-up may come while its first claim runs: it then lingers), its
            // lane now waits.
            let warmUp = try await enqueueWebhook(pool, subscriber: "fast")
            worker.outbox.committed()
            #expect(await eventually(timeout: .seconds(30)) { (try? await deliveredAt(warmUp)) != nil })
            try await Task.sleep(for: .seconds(13))
            // Quiet: this wake-up claims at once.
            let quiet = try await enqueueWebhook(pool, subscriber: "slow")
            let quietWritten = try await now()
            worker.outbox.committed()
            // Busy: written while the slow send is out, so the round after it lingers first.
            #expect(await eventually(timeout: .seconds(10)) { slowArrived.withLock { $0 } })
            let busy = try await enqueueWebhook(pool, subscriber: "fast")
            let busyWritten = try await now()
            worker.outbox.committed()
            #expect(await eventually(timeout: .seconds(30)) { (try? await deliveredAt(busy)) != nil })
            running.cancel()
            _ = await running.result
            let quietDelivered = try #require(try await deliveredAt(quiet))
            let busyDelivered = try #require(try await deliveredAt(busy))
            // The linger is long so that a machine stalled for seconds by the suites beside this one still
            // tells the two apart: at once takes the slow receiver's 4 s, a linger takes 12.
            #expect(quietDelivered.timeIntervalSince(quietWritten) < 10, "claimed at once (sent in 4 s), not after the 12 s linger")
            #expect(busyDelivered.timeIntervalSince(busyWritten) >= 11.9, "claimed after the linger that followed the busy round")
        }
    }

    @Test("delivered and canceled messages and applied inbox keys older than the retention period are purged; the rest stay")
    func purge() async throws {
        let pool = try await TestDatabase.makePool("outbox_purge")
        defer { Task { try? await pool.shutdown() } }
        try await Migrator.migrate([Outbox.migrations], on: pool)
        try await pool.query(
            """
            INSERT INTO outbox (id, target, path, body, created_at, delivered_at, parked_at, canceled_at) VALUES
              (gen_random_uuid(), 'intake', '/p', '{}', now() - interval '9 days', now() - interval '8 days', NULL, NULL),
              (gen_random_uuid(), 'intake', '/p', '{}', now() - interval '9 days', NULL, NULL, now() - interval '8 days'),
              (gen_random_uuid(), 'intake', '/p', '{}', now() - interval '2 days', now() - interval '1 day', NULL, NULL),
              (gen_random_uuid(), 'intake', '/p', '{}', now() - interval '30 days', NULL, now() - interval '29 days', NULL),
              (gen_random_uuid(), 'intake', '/p', '{}', now() - interval '30 days', NULL, NULL, NULL)
            """)
        try await pool.query(
            """
            INSERT INTO inbox (idempotency_key, method, response, applied_at) VALUES
              ('old', 'Route', '{}', now() - interval '8 days'), ('new', 'Route', '{}', now())
            """)
        let removed = try await Outbox.purge(olderThan: .seconds(7 * 86_400), on: pool, batchSize: 1)
        #expect(removed == 3)
        let left = try await pool.query("SELECT count(*) AS n FROM outbox").first?.decode("n", as: Int.self)
        #expect(left == 3)  // the recent delivered one, the parked one, the undelivered one
        let keys = try await pool.query("SELECT idempotency_key FROM inbox").map { try $0.decode("idempotency_key", as: String.self) }
        #expect(keys == ["new"])
    }

    @Test("the backlog and the admin listing read only undelivered rows, through an index")
    func boundedScans() async throws {
        let pool = try await TestDatabase.makePool("outbox_scans", size: 1)
        defer { Task { try? await pool.shutdown() } }
        try await Migrator.migrate([Outbox.migrations], on: pool)
        let plan = try await pool.withConnection { connection -> String in
            try connection.execute(script: "SET enable_seqscan = off")
            let rows = try connection.query(
                """
                EXPLAIN SELECT count(*) FILTER (WHERE parked_at IS NULL) FROM outbox WHERE delivered_at IS NULL AND canceled_at IS NULL
                """)
            try connection.execute(script: "SET enable_seqscan = on")
            return try rows.map { try $0.decode("QUERY PLAN", as: String.self) }.joined(separator: "\n")
        }
        #expect(plan.contains("outbox_undelivered"), "\(plan)")
    }
}

/// The reporting lane: many transactions' events travel as one IngestEvents, and a bad event parks
/// only its own message.
@Suite("Outbox: events for reporting travel together")
struct ReportBatchTests {
    static func event(_ id: String) -> Fenliu_Reporting_V1_Event {
        .with {
            $0.id = id
            $0.type = "call.received"
        }
    }

    func withReporting(_ body: (PostgresPool, OutboxWorker, StandInPeer) async throws -> Void) async throws {
        let reporting = StandInPeer()
        reporting.answer(ReportingAPI.ingestEvents) { request in
            if request.events.contains(where: { $0.id == "bad" }) { throw StandInPeer.Refusal("events[0].id: bad") }
            return .with { $0.accepted = Int32(request.events.count) }
        }
        try await RunningApplication.with(router: reporting.router) { url in
            let pool = try await TestDatabase.makePool("outbox_reports", size: 3)
            defer { Task { try? await pool.shutdown() } }
            try await Migrator.migrate([Outbox.migrations], on: pool)
            let worker = OutboxWorker(
                pool: pool, httpClient: TestHTTP.client, peers: [.reporting: url], endpoints: { _ in nil }, defaultSecret: "s", metrics: nil,
                logger: Logger(label: "test"))
            try await body(pool, worker, reporting)
        }
    }

    func enqueue(_ pool: PostgresPool, _ ids: [[String]]) async throws {
        for events in ids {
            _ = try await pool.transaction { connection in
                try Outbox().enqueue(ReportingAPI.ingestEvents, .with { $0.events = events.map(Self.event) }, on: connection)
            }
        }
    }

    @Test("five transactions' events go in one request; every message is then delivered")
    func merged() async throws {
        try await withReporting { pool, worker, reporting in
            try await enqueue(pool, (0..<5).map { ["e\($0)a", "e\($0)b"] })
            #expect(try await worker.deliverDue(lane: .handOffs) == 0)
            #expect(try await worker.deliverDue(lane: .reports) == 5)
            let calls = reporting.calls(to: ReportingAPI.ingestEvents)
            #expect(calls.count == 1)
            #expect(Set(calls.first?.request.events.map(\.id) ?? []) == Set((0..<5).flatMap { ["e\($0)a", "e\($0)b"] }))
            #expect(calls.first?.key.hasPrefix("batch-") == true)
            let delivered = try await pool.query("SELECT count(*) AS n FROM outbox WHERE delivered_at IS NOT NULL").first?.decode("n", as: Int64.self)
            #expect(delivered == 5)
        }
    }

    @Test("a refused batch is sent again message by message: only the bad one is parked")
    func refusedBatch() async throws {
        try await withReporting { pool, worker, reporting in
            try await enqueue(pool, [["a"], ["bad"], ["c"]])
            #expect(try await worker.deliverDue(lane: .reports) == 3)
            #expect(reporting.calls(to: ReportingAPI.ingestEvents).count == 4, "one merged, then three alone")
            let states = try await pool.query(
                "SELECT body, delivered_at IS NOT NULL AS delivered, parked_at IS NOT NULL AS parked FROM outbox ORDER BY sequence"
            ).map {
                (try $0.decode("body", as: String.self).contains("bad"), try $0.decode("delivered", as: Bool.self), try $0.decode("parked", as: Bool.self))
            }
            #expect(states.map(\.1) == [true, false, true])
            #expect(states.map(\.2) == [false, true, false])
        }
    }
}
