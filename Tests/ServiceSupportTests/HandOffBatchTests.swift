import FenliuModel
import Foundation
import HTTPClient
import Hummingbird
import Logging
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import Synchronization
import TestSupport
import Testing

/// The outbox's hand-offs to one peer travel as one `AdminService/Deliver`, which the peer applies
/// as it would apply each call alone: the same checks, once per key, only the bad one refused.
@Suite("Outbox: hand-offs to one peer travel together")
struct HandOffBatchTests {
    func withWorker(peer url: String, _ body: (PostgresPool, OutboxWorker) async throws -> Void) async throws {
        let pool = try await TestDatabase.makePool("outbox_handoffs", size: 3)
        defer { Task { try? await pool.shutdown() } }
        try await Migrator.migrate([Outbox.migrations], on: pool)
        let worker = OutboxWorker(
            pool: pool, httpClient: TestHTTP.client, peers: [.routing: url, .intake: url], endpoints: { _ in nil }, defaultSecret: "s",
            metrics: nil, logger: Logger(label: "test"))
        try await body(pool, worker)
    }

    /// Hand-offs of `calls` to routing, one transaction each; their message ids in order.
    func enqueueRoutes(_ pool: PostgresPool, _ calls: [String]) async throws -> [String] {
        var ids = [String]()
        for call in calls {
            let id = try await pool.transaction { try Outbox().enqueue(RoutingAPI.route, .with { $0.callID = call }, on: $0) }
            ids.append(id.uuidString.lowercased())
        }
        return ids
    }

    func states(_ pool: PostgresPool) async throws -> [String] {
        try await pool.query(
            "SELECT CASE WHEN delivered_at IS NOT NULL THEN 'delivered' WHEN parked_at IS NOT NULL THEN 'parked' ELSE 'pending' END AS s FROM outbox ORDER BY sequence"
        ).map { try $0.decode("s", as: String.self) }
    }

    @Test("a round's hand-offs to one peer go in one request, each under its own key; a peer's only one goes alone; a refused one alone is parked")
    func oneRequestPerPeer() async throws {
        let peer = StandInPeer()
        peer.answer(RoutingAPI.route) { request in
            if request.callID == "bad" { throw StandInPeer.Refusal("callId: bad") }
            return .init()
        }
        peer.accept(IntakeAPI.attachClassification)
        try await RunningApplication.with(router: peer.router) { url in
            try await withWorker(peer: url) { pool, worker in
                let ids = try await enqueueRoutes(pool, ["a", "bad", "c"])
                _ = try await pool.transaction { try Outbox().enqueue(IntakeAPI.attachClassification, .with { $0.callID = "x" }, on: $0) }
                #expect(try await worker.deliverDue(lane: .handOffs) == 4)
                #expect(peer.batches == 1, "the three for routing in one request")
                #expect(peer.calls(to: RoutingAPI.route).map(\.key) == ids)
                #expect(peer.calls(to: RoutingAPI.route).map(\.request.callID) == ["a", "bad", "c"])
                #expect(peer.calls(to: IntakeAPI.attachClassification).count == 1)
                #expect(try await states(pool) == ["delivered", "parked", "delivered", "delivered"])
                let reason = try await pool.query("SELECT last_error FROM outbox WHERE parked_at IS NOT NULL").first?.decode("last_error", as: String.self)
                #expect(reason == "invalid_argument: callId: bad")
            }
        }
    }

    @Test("a peer deployed before Deliver gets each hand-off alone")
    func peerWithoutDeliver() async throws {
        let routed = Mutex([String]())
        let router = Router()
        router.post(RouterPath(RoutingAPI.route.path)) { request, _ in
            let key = request.headers[.init("Idempotency-Key")!] ?? ""
            routed.withLock { $0.append(key) }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: "{}")))
        }
        try await RunningApplication.with(router: router) { url in
            try await withWorker(peer: url) { pool, worker in
                let ids = try await enqueueRoutes(pool, ["a", "b", "c"])
                #expect(try await worker.deliverDue(lane: .handOffs) == 3)
                #expect(Set(routed.withLock { $0 }) == Set(ids))
                #expect(try await states(pool) == ["delivered", "delivered", "delivered"])
            }
        }
    }

    @Test("a request stays under the peers' body limit: large hand-offs split into several")
    func boundedBytes() async throws {
        let peer = StandInPeer()
        peer.accept(RoutingAPI.route)
        try await RunningApplication.with(router: peer.router) { url in
            try await withWorker(peer: url) { pool, worker in
                let summary = String(repeating: "路灯坏了\"", count: 1_500)  // 19.5 KB of body, 21 KB as a JSON string
                var ids = [String]()
                for call in ["a", "b", "c", "d", "e"] {
                    let id = try await pool.transaction {
                        try Outbox().enqueue(
                            RoutingAPI.route,
                            .with {
                                $0.callID = call
                                $0.summary = summary
                            }, on: $0)
                    }
                    ids.append(id.uuidString.lowercased())
                }
                #expect(try await worker.deliverDue(lane: .handOffs) == 5)
                #expect(peer.batches == 2, "two of two, the fifth alone")
                #expect(Set(peer.calls(to: RoutingAPI.route).map(\.key)) == Set(ids), "the batches travel side by side")
                #expect(try await states(pool) == Array(repeating: "delivered", count: 5))
            }
        }
    }

    @Test(
        "a Deliver refused as a whole for its size sends each alone; an answer that does not match the deliveries is tried again",
        arguments: ["too large", "mismatched"])
    func wholeRequestAnswers(_ answer: String) async throws {
        let routed = Mutex(0)
        let router = Router()
        router.post(RouterPath(AdminAPI.deliver.path)) { _, _ in
            answer == "too large"
                ? Response(
                    status: .tooManyRequests, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: .init(string: #"{"code":"resource_exhausted","message":"the body is larger than 1024 bytes"}"#)))
                : Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: .init(string: #"{"results":[{"idempotencyKey":"x"},{"idempotencyKey":"y"},{"idempotencyKey":"z"}]}"#)))
        }
        router.post(RouterPath(RoutingAPI.route.path)) { _, _ in
            routed.withLock { $0 += 1 }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: "{}")))
        }
        try await RunningApplication.with(router: router) { url in
            try await withWorker(peer: url) { pool, worker in
                _ = try await enqueueRoutes(pool, ["a", "b", "c"])
                #expect(try await worker.deliverDue(lane: .handOffs) == 3)
                if answer == "too large" {
                    #expect(routed.withLock { $0 } == 3)
                    #expect(try await states(pool) == ["delivered", "delivered", "delivered"])
                } else {
                    #expect(routed.withLock { $0 } == 0)
                    #expect(try await states(pool) == ["pending", "pending", "pending"])
                    let errors = try await pool.query("SELECT last_error FROM outbox").map { try $0.decode("last_error", as: String.self) }
                    #expect(errors.allSatisfy { $0.contains("do not match") })
                }
            }
        }
    }

    @Test("only methods applied once per key travel through the outbox")
    func onlyAppliedOnceMethods() async throws {
        let pool = try await TestDatabase.makePool("outbox_handoffs_kinds")
        defer { Task { try? await pool.shutdown() } }
        try await Migrator.migrate([Outbox.migrations], on: pool)
        let error = await #expect(throws: ConnectError.self) {
            try await pool.transaction { try Outbox().enqueue(IntakeAPI.submitCall, .init(), on: $0) }
        }
        #expect(error?.code == .internal)
    }
}

/// `AdminService/Deliver` on a real service: what each delivery answers and what is stored.
@Suite("Deliver: several hand-offs in one request")
struct DeliverTests {
    static func delivery(_ key: String, _ ids: [String], type: String = "relay") -> Fenliu_Admin_V1_Delivery {
        let request = Fenliu_Reporting_V1_IngestEventsRequest.with {
            $0.events = ids.map { id in
                .with {
                    $0.id = id
                    $0.type = type
                }
            }
        }
        return .with {
            $0.method = ReportingAPI.ingestEvents.path
            $0.idempotencyKey = key
            $0.body = (try? request.jsonString()) ?? ""
        }
    }

    func received(_ database: PostgresPool) async throws -> [String] {
        try await database.query("SELECT id FROM received ORDER BY id").map { try $0.decode("id", as: String.self) }
    }

    func inboxKeys(_ database: PostgresPool) async throws -> [String] {
        try await database.query("SELECT idempotency_key FROM inbox ORDER BY idempotency_key").map { try $0.decode("idempotency_key", as: String.self) }
    }

    @Test("each delivery is checked and applied as its own call, once per key, a repeat answered from the first; the bad ones alone answer errors")
    func answersPerDelivery() async throws {
        try await TestService.with(RelayModule.self) { base, database in
            let client = RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout)
            var unserved = Self.delivery("k3", ["z"])
            unserved.method = "/fenliu.routing.v1.RoutingService/Route"
            var malformed = Self.delivery("k4", ["y"])
            malformed.body = "{\"events\": 5}"
            var notOnce = Self.delivery("k8", ["v"])
            notOnce.method = IntakeAPI.submitCall.path
            let answer = try await client.call(
                AdminAPI.deliver,
                .with {
                    $0.deliveries = [
                        Self.delivery("k1", ["a"]), Self.delivery("k2", ["b", "c"]), Self.delivery("k1", ["a-again"]), unserved, malformed,
                        Self.delivery("k5", []), Self.delivery(" \n", ["w"]), Self.delivery(String(repeating: "x", count: 257), ["u"]), notOnce,
                    ]
                })
            #expect(answer.results.map(\.code) == ["", "", "", "unimplemented"] + Array(repeating: "invalid_argument", count: 5))
            #expect(answer.results.map(\.idempotencyKey).prefix(6) == ["k1", "k2", "k1", "k3", "k4", "k5"])
            #expect(answer.results[0].response.contains("\"accepted\":1"))
            #expect(answer.results[1].response.contains("\"accepted\":2"))
            #expect(answer.results[2].response == answer.results[0].response, "a repeat of k1 is answered from the first")
            #expect(answer.results[3].message.contains("deliveries[3].method"), "not served here (yet): tried again, never parked")
            #expect(answer.results[4].message.contains("deliveries[4].body.events"))
            #expect(answer.results[5].message.contains("deliveries[5].body.events: is required"))
            #expect(answer.results[6].message.contains("deliveries[6].idempotencyKey: is required"))
            #expect(answer.results[7].message.contains("deliveries[7].idempotencyKey: must be at most 256 bytes"))
            #expect(answer.results[8].message.contains("deliveries[8].method") && answer.results[8].message.contains("not applied once"))
            #expect(try await received(database) == ["a", "b", "c"])
            #expect(try await inboxKeys(database) == ["k1", "k2"])

            // Delivered again, as after a lost answer: nothing applies twice.
            let again = try await client.call(AdminAPI.deliver, .with { $0.deliveries = [Self.delivery("k2", ["b", "c"]), Self.delivery("k1", ["a"])] })
            #expect(again.results.map(\.code) == ["", ""])
            #expect(try await received(database) == ["a", "b", "c"])
        }
    }

    @Test("an effect that fails inside the shared transaction fails alone: the others are applied, its own writes are not")
    func failureInsideTheTransaction() async throws {
        try await TestService.with(RelayModule.self) { base, database in
            let client = RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout)
            let answer = try await client.call(
                AdminAPI.deliver,
                .with { $0.deliveries = [Self.delivery("k6", ["c"]), Self.delivery("k7", ["d"], type: "fail"), Self.delivery("k8", ["e"])] })
            #expect(answer.results.map(\.code) == ["", "failed_precondition", ""])
            #expect(answer.results[1].message == "event d is refused")
            #expect(try await received(database) == ["c", "e"])
            #expect(try await inboxKeys(database) == ["k6", "k8"])
        }
    }

    @Test("an empty request answers no results; more than 100 deliveries are refused as a whole")
    func limits() async throws {
        try await TestService.with(RelayModule.self) { base, database in
            let client = RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout)
            let empty = try await client.call(AdminAPI.deliver, .init())
            #expect(empty.results.isEmpty)
            let error = await #expect(throws: ConnectError.self) {
                try await client.call(AdminAPI.deliver, .with { $0.deliveries = (0...100).map { Self.delivery("m\($0)", ["x\($0)"]) } })
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.fieldViolations.first?.field == "deliveries")
            let stored = try await received(database)
            #expect(stored.isEmpty)
        }
    }
}
