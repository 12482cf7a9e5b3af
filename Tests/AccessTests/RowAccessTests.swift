import FeedbackService
import FenliuModel
import Foundation
import HTTPClient
import IntakeService
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf
import TestSupport
import Testing

/// Past the method table, a department sees its own tickets and a hotline its own line's; anything
/// else is not found, so ids cannot be probed. Open311 POSTs need an app's api_key.
@Suite("Keys and scopes: what a department and a hotline see")
struct RowAccessTests {
    static func feedback(_ base: String, _ key: String) -> RPCClient {
        RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout, key: TestKeys.text(key))
    }

    static func track(_ base: String, id: String, department: String, origin: Fenliu_Common_V1_Channel) async throws {
        let now = Date()
        _ = try await feedback(base, "service-routing").call(
            FeedbackAPI.trackTicket,
            .with {
                $0.ticketID = id
                $0.callID = "call-\(id)"
                $0.incidentID = "call-\(id)"
                $0.origin = origin
                $0.kind = .workOrder
                $0.destination = .hotline12345
                $0.category = .cityAppearance
                $0.district = "510104"
                $0.departmentID = department
                $0.departmentName = department
                $0.priority = .pinned
                $0.state = .dispatched
                $0.signForDueAt = Google_Protobuf_Timestamp(date: now.addingTimeInterval(1800))
                $0.resolveDueAt = Google_Protobuf_Timestamp(date: now.addingTimeInterval(86_400))
                $0.createdAt = Google_Protobuf_Timestamp(date: now)
                $0.reason = "routed"
                $0.assignment = 1
            })
    }

    /// Subscribes `client` to department 510104-cgj's tickets.
    static func followDepartment(_ client: RPCClient, url: String = "https://systems.example/hook") async throws -> Fenliu_Feedback_V1_Subscription {
        try await client.call(
            FeedbackAPI.subscribe,
            .with {
                $0.url = url
                $0.secret = "a-long-shared-secret"
                $0.departmentID = "510104-cgj"
            }
        ).subscription
    }

    @Test("a department reads and reports on its own tickets only; a hotline reads its own line's")
    func tickets() async throws {
        try await TestService.with(FeedbackModule.self, access: TestKeys.access()) { base, _ in
            try await Self.track(base, id: "own", department: "510104-cgj", origin: .channel110)
            try await Self.track(base, id: "other", department: "510107-cgj", origin: .channel12345)
            let department = Self.feedback(base, "department")
            #expect(try await department.call(FeedbackAPI.getTicket, .with { $0.ticketID = "own" }).ticket.id == "own")
            let hidden = await #expect(throws: ConnectError.self) {
                _ = try await department.call(FeedbackAPI.getTicket, .with { $0.ticketID = "other" })
            }
            #expect(hidden?.code == .notFound)
            let report = await #expect(throws: ConnectError.self) {
                _ = try await department.call(
                    FeedbackAPI.reportStatus,
                    .with {
                        $0.ticketID = "other"
                        $0.state = .accepted
                        $0.actor = "510104-cgj"
                    })
            }
            #expect(report?.code == .notFound, "another department's ticket cannot be touched, or probed")
            #expect(try await department.call(FeedbackAPI.listTickets, .init()).tickets.map(\.id) == ["own"])
            // Asking for another department's queue gives nothing, not its tickets.
            #expect(try await department.call(FeedbackAPI.listTickets, .with { $0.departmentID = "510107-cgj" }).tickets.isEmpty)
            _ = try await department.call(
                FeedbackAPI.reportStatus,
                .with {
                    $0.ticketID = "own"
                    $0.state = .accepted
                    $0.actor = "510104-cgj"
                })

            let hotline = Self.feedback(base, "channel-110")
            #expect(try await hotline.call(FeedbackAPI.listTickets, .init()).tickets.map(\.id) == ["own"])
            let events = try await hotline.call(FeedbackAPI.listEvents, .init()).events
            #expect(!events.isEmpty && events.allSatisfy { $0.ticketID == "own" })
            let follow = await #expect(throws: ConnectError.self) {
                _ = try await hotline.call(
                    FeedbackAPI.subscribe,
                    .with {
                        $0.url = "https://dispatch.example/hook"
                        $0.secret = "a-long-shared-secret"
                        $0.channel = .channel12345
                    })
            }
            #expect(follow?.code == .permissionDenied)
            #expect(try await Self.feedback(base, "supervisor").call(FeedbackAPI.listTickets, .init()).tickets.count == 2)
        }
    }

    @Test("an Idempotency-Key is the caller's own: another key's same key neither replays its answer nor swallows the effect")
    func idempotencyKeysPerCaller() async throws {
        let second = KeyText.generate()
        let extra = StoredKey(id: second.id, label: "department-2", scopes: [.department("510107-cgj")], secretHash: second.secretHash)
        try await TestService.with(FeedbackModule.self, access: TestKeys.access(extra: [extra])) { base, _ in
            try await Self.track(base, id: "own", department: "510104-cgj", origin: .channel110)
            try await Self.track(base, id: "other", department: "510107-cgj", origin: .channel12345)
            let first = Self.feedback(base, "department")
            let other = RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout, key: second.text)
            func accept(_ client: RPCClient, _ ticket: String, actor: String) async throws -> Fenliu_Feedback_V1_Ticket {
                try await client.call(
                    FeedbackAPI.reportStatus,
                    .with {
                        $0.ticketID = ticket
                        $0.state = .accepted
                        $0.actor = actor
                    }, headers: [("Idempotency-Key", "k-1")]
                ).ticket
            }
            #expect(try await accept(first, "own", actor: "510104-cgj").id == "own")
            let theirs = try await accept(other, "other", actor: "510107-cgj")
            #expect(theirs.id == "other", "the other department gets its own ticket back, never the first one's")
            #expect(theirs.state == .accepted, "and its report takes effect")
            #expect(try await accept(first, "own", actor: "510104-cgj").id == "own", "a repeat by the same key still replays")
        }
    }

    @Test("a restricted key lists and removes only the subscriptions it made; a supervisor sees them all")
    func subscriptionsPerKey() async throws {
        try await TestService.with(FeedbackModule.self, access: TestKeys.access()) { base, _ in
            let department = Self.feedback(base, "department")
            let hotline = Self.feedback(base, "channel-110")
            let supervisor = Self.feedback(base, "supervisor")
            func subscribe(_ client: RPCClient, _ fill: (inout Fenliu_Feedback_V1_SubscribeRequest) -> Void) async throws -> String {
                var request = Fenliu_Feedback_V1_SubscribeRequest.with {
                    $0.url = "https://systems.example/hook"
                    $0.secret = "a-long-shared-secret"
                }
                fill(&request)
                return try await client.call(FeedbackAPI.subscribe, request).subscription.id
            }
            let mine = try await subscribe(department) { $0.departmentID = "510104-cgj" }
            let made = try await Self.followDepartment(department, url: "https://systems.example/hook2")
            #expect(
                try await department.call(FeedbackAPI.listSubscriptions, .init()).subscriptions.first { $0.id == made.id } == made,
                "Subscribe answers what ListSubscriptions will say, to the microsecond")
            _ = try await department.call(FeedbackAPI.unsubscribe, .with { $0.id = made.id })
            let line = try await subscribe(hotline) { $0.channel = .channel110 }
            #expect(try await department.call(FeedbackAPI.listSubscriptions, .init()).subscriptions.map(\.id) == [mine])
            #expect(try await hotline.call(FeedbackAPI.listSubscriptions, .init()).subscriptions.map(\.id) == [line])
            #expect(Set(try await supervisor.call(FeedbackAPI.listSubscriptions, .init()).subscriptions.map(\.id)) == [mine, line])
            let cut = await #expect(throws: ConnectError.self) {
                _ = try await department.call(FeedbackAPI.unsubscribe, .with { $0.id = line })
            }
            #expect(cut?.code == .notFound, "another system's feed cannot be stopped, or probed")
            #expect(try await hotline.call(FeedbackAPI.listSubscriptions, .init()).subscriptions.map(\.id) == [line])
            _ = try await department.call(FeedbackAPI.unsubscribe, .with { $0.id = mine })
            _ = try await supervisor.call(FeedbackAPI.unsubscribe, .with { $0.id = line })
            #expect(try await supervisor.call(FeedbackAPI.listSubscriptions, .init()).subscriptions.isEmpty)
        }
    }

    @Test("a rotated key keeps what the key before it made: its subscriptions and its idempotency keys; a line's default feed is its own")
    func ownershipSurvivesRotation() async throws {
        let rotated = KeyText.generate()
        let successor = StoredKey(
            id: rotated.id, label: "department", scopes: [.department("510104-cgj")], secretHash: rotated.secretHash,
            replaces: TestKeys.texts["department"]!.id)
        try await TestService.with(FeedbackModule.self, access: TestKeys.access(extra: [successor])) { base, database in
            try await Self.track(base, id: "own", department: "510104-cgj", origin: .channel110)
            let before = Self.feedback(base, "department")
            let after = RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout, key: rotated.text)
            let made = try await Self.followDepartment(before).id
            #expect(try await after.call(FeedbackAPI.listSubscriptions, .init()).subscriptions.map(\.id) == [made])
            // A report sent with the old key and retried with the new one is applied once.
            func accept(_ client: RPCClient) async throws -> Fenliu_Feedback_V1_Ticket {
                try await client.call(
                    FeedbackAPI.reportStatus,
                    .with {
                        $0.ticketID = "own"
                        $0.state = .accepted
                        $0.actor = "510104-cgj"
                    }, headers: [("Idempotency-Key", "k-9")]
                ).ticket
            }
            #expect(try await accept(before).state == .accepted)
            #expect(try await accept(after).state == .accepted, "the retry replays; applied again it would be refused (ACCEPTED cannot follow ACCEPTED)")
            _ = try await after.call(FeedbackAPI.unsubscribe, .with { $0.id = made })

            // A feed no key made (a start-up default, or one from before owners were kept) belongs to
            // the line or department it follows.
            try await database.withConnection { connection in
                try connection.query(
                    "INSERT INTO subscriptions (id, url, secret, channel) VALUES ('default-110', 'http://127.0.0.1:9/status-110', 'a-long-shared-secret', 'CHANNEL_110')"
                )
            }
            let line = Self.feedback(base, "channel-110")
            #expect(try await line.call(FeedbackAPI.listSubscriptions, .init()).subscriptions.map(\.id) == ["default-110"])
            #expect(try await before.call(FeedbackAPI.listSubscriptions, .init()).subscriptions.isEmpty)
            _ = try await line.call(FeedbackAPI.unsubscribe, .with { $0.id = "default-110" })
        }
    }

    @Test("an Open311 POST needs an app's api_key: 403 without one or with a wrong one")
    func open311Key() async throws {
        try await TestService.with(IntakeModule.self, access: TestKeys.access()) { base, _ in
            func post(_ apiKey: String?) async throws -> HTTPClientResponse {
                var form = "service_code=PUBLIC_FACILITIES&lat=30.65&long=104.06&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE"
                if let apiKey { form += "&api_key=" + apiKey }
                return try await TestHTTP.client.execute(
                    HTTPClientRequest(
                        method: "POST", url: base + "/open311/v2/requests.json", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                        body: Array(form.utf8)))
            }
            // Each refusal says which of the three it is: no key, a key nobody knows, a key for something else.
            for (apiKey, says) in [
                (nil, "api_key: is required"), ("fk_nosuch_" + String(repeating: "x", count: 43), "not a valid key"),
                (TestKeys.text("department"), "no open311 scope"),
            ] {
                let refused = try await post(apiKey)
                #expect(refused.status == 403 && refused.text.contains(says), "\(refused.text)")
            }
            let created = try await post(TestKeys.text("open311"))
            #expect(created.status == 201, "\(created.text)")
            // GETs stay public and carry no personal data.
            let listed = try await TestHTTP.client.execute(HTTPClientRequest(url: base + "/open311/v2/requests.json"))
            #expect(listed.status == 200)
        }
    }
}
