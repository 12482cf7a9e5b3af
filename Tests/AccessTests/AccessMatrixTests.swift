import ClassificationService
import FeedbackService
import FenliuModel
import Foundation
import HTTPClient
import IntakeService
import Postgres
import RPC
import ReportingService
import RoutingService
import ServiceSupport
import SwiftProtobuf
import TestSupport
import Testing

/// One key of each kind, as the access tests use them.
enum TestKeys {
    static let kinds: [(name: String, scopes: [Scope])] = [
        ("admin", [.admin]), ("supervisor", [.supervisor]), ("reviewer", [.reviewer]), ("reporting", [.reporting]),
        ("channel-110", [.channel(.police110)]), ("channel-12345", [.channel(.hotline12345)]), ("department", [.department("510104-cgj")]),
        ("open311", [.open311("demo")]), ("service-intake", [.service(.intake)]), ("service-classification", [.service(.classification)]),
        ("service-routing", [.service(.routing)]), ("service-feedback", [.service(.feedback)]),
    ]

    /// A key text per kind name, made once per test run.
    static let texts: [String: KeyText] = Dictionary(uniqueKeysWithValues: kinds.map { ($0.name, KeyText.generate()) })

    static func text(_ name: String) -> String { texts[name]!.text }

    static var stored: [StoredKey] {
        kinds.map { kind in
            let key = texts[kind.name]!
            return StoredKey(id: key.id, label: kind.name, scopes: kind.scopes, secretHash: key.secretHash)
        }
    }

    static func access(requestsPerMinute: Int = 1_000_000, extra: [StoredKey] = []) -> AccessConfiguration {
        AccessConfiguration(isEnabled: true, keys: stored + extra, requestsPerMinute: requestsPerMinute)
    }
}

/// Every RPC of every service × every kind of key (and none): the gate answers as the method table
/// says, through real HTTP, and the table covers every method. Handlers then narrow what a channel
/// or a department sees (RowAccessTests).
@Suite("Keys and scopes: the whole matrix")
struct AccessMatrixTests {
    /// The method names of each service, with the admin methods every service serves.
    static func paths(_ service: String, _ names: [String]) -> [String] {
        names.map { "/\(service)/\($0)" } + AdminAPI.methodNames.map { "/\(AdminAPI.service)/\($0)" }
    }

    @Test("every method of every service is in the table; a method missing from it would be closed to all")
    func tableCoversEverything() {
        let all =
            Self.paths(IntakeAPI.service, IntakeAPI.methodNames) + Self.paths(ClassificationAPI.service, ClassificationAPI.methodNames)
            + Self.paths(RoutingAPI.service, RoutingAPI.methodNames) + Self.paths(FeedbackAPI.service, FeedbackAPI.methodNames)
            + Self.paths(ReportingAPI.service, ReportingAPI.methodNames)
        for path in all { #expect(AccessPolicy.table[path] != nil, "\(path) is not in AccessPolicy.table") }
    }

    @Test("the cells people rely on, written out by hand")
    func criticalCells() {
        func allows(_ name: String, _ path: String) -> Bool {
            let kind = TestKeys.kinds.first { $0.name == name }!
            return AccessPolicy.allows(path, Principal(keyID: "k", label: name, scopes: Set(kind.scopes)))
        }
        // Hotlines submit and read calls; departments and apps cannot.
        #expect(allows("channel-110", IntakeAPI.submitCall.path))
        #expect(!allows("department", IntakeAPI.submitCall.path))
        #expect(!allows("open311", IntakeAPI.submitCall.path), "apps submit through Open311's door with api_key")
        // Only the 12345 centre publishes and assigns; only reviewers and supervisors resolve reviews.
        for name in ["channel-110", "department", "reviewer", "reporting", "service-intake"] {
            #expect(!allows(name, ClassificationAPI.publishCatalogue.path), "\(name)")
            #expect(!allows(name, RoutingAPI.assignTicket.path), "\(name)")
            #expect(!allows(name, FeedbackAPI.approveExtension.path), "\(name)")
        }
        #expect(allows("reviewer", ClassificationAPI.resolveReview.path))
        #expect(!allows("channel-110", ClassificationAPI.resolveReview.path))
        // Each service's key opens only the methods it calls.
        #expect(allows("service-intake", ClassificationAPI.classify.path))
        #expect(!allows("service-intake", RoutingAPI.route.path))
        #expect(allows("service-classification", RoutingAPI.route.path))
        #expect(!allows("service-routing", IntakeAPI.attachClassification.path))
        #expect(allows("service-feedback", RoutingAPI.returnTicket.path))
        #expect(allows("service-routing", ReportingAPI.ingestEvents.path))
        #expect(!allows("supervisor", ReportingAPI.ingestEvents.path), "no person writes events")
        // Keys and outboxes are for operators.
        #expect(allows("admin", "/\(AdminAPI.service)/CreateKey"))
        #expect(!allows("supervisor", "/\(AdminAPI.service)/CreateKey"))
        #expect(allows("supervisor", "/\(AdminAPI.service)/ListAudit"))
        #expect(!allows("department", ReportingAPI.getMonthlyBulletin.path))
        #expect(allows("reporting", ReportingAPI.getMonthlyBulletin.path))
    }

    /// Calls every method of a running service with every key: no key → 401 unauthenticated, a key
    /// the table does not grant → 403 permission_denied, a granted key → past the gate (whatever
    /// the empty request then earns, never 401 or 403).
    static func matrix(base: String, paths: [String]) async throws {
        for path in paths {
            let bare = try await post(base + path, key: nil)
            #expect(bare.status == 401 && bare.text.contains("unauthenticated"), "\(path) without a key: \(bare.status) \(bare.text)")
            let wrong = try await post(base + path, key: "fk_nosuchkey_" + String(repeating: "x", count: 43))
            #expect(wrong.status == 401, "\(path) with an unknown key: \(wrong.status)")
            for kind in TestKeys.kinds {
                let response = try await post(base + path, key: TestKeys.text(kind.name))
                let allowed = AccessPolicy.allows(path, Principal(keyID: "k", label: kind.name, scopes: Set(kind.scopes)))
                if allowed {
                    #expect(![401, 403].contains(response.status), "\(path) × \(kind.name): \(response.status) \(response.text)")
                } else {
                    #expect(
                        response.status == 403 && response.text.contains("permission_denied"), "\(path) × \(kind.name): \(response.status) \(response.text)")
                }
                #expect(response.status < 500, "\(path) × \(kind.name): \(response.status) \(response.text)")
            }
        }
    }

    static func post(_ url: String, key: String?) async throws -> HTTPClientResponse {
        var headers = [("Content-Type", "application/json")]
        if let key { headers.append(("Authorization", "Bearer \(key)")) }
        return try await TestHTTP.client.execute(HTTPClientRequest(method: "POST", url: url, headers: headers, body: Array("{}".utf8)))
    }

    @Test("each delivery of a Deliver is checked against its own method: intake's key may deliver, but not a Route")
    func deliveriesCheckedPerMethod() async throws {
        try await TestService.with(RoutingModule.self, access: TestKeys.access()) { base, _ in
            let route = Fenliu_Admin_V1_Delivery.with {
                $0.method = RoutingAPI.route.path
                $0.idempotencyKey = "k-route"
                $0.body = "{}"
            }
            func deliver(as name: String) async throws -> Fenliu_Admin_V1_DeliveryResult? {
                let client = RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout, key: TestKeys.text(name))
                return try await client.call(AdminAPI.deliver, .with { $0.deliveries = [route] }).results.first
            }
            let refused = try await deliver(as: "service-intake")
            #expect(refused?.code == "permission_denied")
            let checked = try await deliver(as: "service-classification")
            #expect(checked?.code == "invalid_argument", "past the key, the empty Route is refused by its own check")
            let error = await #expect(throws: ConnectError.self) { try await deliver(as: "supervisor") }
            #expect(error?.code == .permissionDenied, "no person delivers hand-offs")
        }
    }

    @Test("intake × every key")
    func intake() async throws {
        try await TestService.with(IntakeModule.self, access: TestKeys.access()) { base, _ in
            try await Self.matrix(base: base, paths: Self.paths(IntakeAPI.service, IntakeAPI.methodNames))
        }
    }

    @Test("classification × every key")
    func classification() async throws {
        try await TestService.with(ClassificationModule.self, access: TestKeys.access()) { base, _ in
            try await Self.matrix(base: base, paths: Self.paths(ClassificationAPI.service, ClassificationAPI.methodNames))
        }
    }

    @Test("routing × every key")
    func routing() async throws {
        try await TestService.with(RoutingModule.self, access: TestKeys.access()) { base, _ in
            try await Self.matrix(base: base, paths: Self.paths(RoutingAPI.service, RoutingAPI.methodNames))
        }
    }

    @Test("feedback × every key")
    func feedback() async throws {
        try await TestService.with(FeedbackModule.self, access: TestKeys.access()) { base, _ in
            try await Self.matrix(base: base, paths: Self.paths(FeedbackAPI.service, FeedbackAPI.methodNames))
        }
    }

    @Test("reporting × every key")
    func reporting() async throws {
        try await TestService.with(ReportingModule.self, access: TestKeys.access()) { base, _ in
            try await Self.matrix(base: base, paths: Self.paths(ReportingAPI.service, ReportingAPI.methodNames))
        }
    }
}
