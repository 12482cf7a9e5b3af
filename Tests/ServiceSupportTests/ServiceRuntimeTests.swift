import FenliuModel
import Foundation
import HTTPClient
import Postgres
import RPC
import ServiceSupport
import Testing
import TestSupport

@Suite("The shared service runtime")
struct ServiceRuntimeTests {
    let client = TestHTTP.client

    @Test("health, readiness and Prometheus metrics")
    func healthEndpoints() async throws {
        try await TestService.with(RelayModule.self) { base, _ in
            let health = try await client.execute(HTTPClientRequest(url: base + "/healthz"))
            #expect(health.status == 200)
            let ready = try await client.execute(HTTPClientRequest(url: base + "/readyz"))
            #expect(ready.status == 200)
            #expect(ready.text.contains("ready"))
            _ = try await RPCClient(baseURL: base, httpClient: client).call(AdminAPI.listOutbox, .init())
            let metrics = try await client.execute(HTTPClientRequest(url: base + "/metrics"))
            #expect(metrics.status == 200)
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"fenliu_rpc_requests_total{code="ok",method="/fenliu.admin.v1.AdminService/ListOutbox"} 1"#))
            #expect(metrics.text.contains("# TYPE fenliu_rpc_duration_seconds histogram"))
            #expect(metrics.text.contains("fenliu_outbox_pending 0"))
        }
    }

    @Test("readiness fails when migrations are missing")
    func notReadyWithoutMigrations() async throws {
        try await TestService.with(RelayModule.self) { base, database in
            try await database.query("DELETE FROM schema_migrations WHERE component = 'reporting'")
            let ready = try await client.execute(HTTPClientRequest(url: base + "/readyz"))
            #expect(ready.status == 503)
        }
    }

    @Test("configuration lists every problem at once")
    func configurationProblems() {
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.fromEnvironment(["PORT": "eighty", "LOG_LEVEL": "loud"], service: .routing, requiredPeers: [.feedback])
        }
        let text = error?.description ?? ""
        #expect(text.contains("DATABASE_URL"))
        #expect(text.contains("FENLIU_FEEDBACK_URL"))
        #expect(text.contains("PORT"))
        #expect(text.contains("LOG_LEVEL"))
    }

    @Test("configuration reads defaults and overrides")
    func configurationValues() throws {
        let configuration = try ServiceConfiguration.fromEnvironment([
            "DATABASE_URL": "postgres://routing:pw@db:5432/fenliu", "FENLIU_FEEDBACK_URL": "http://feedback:8084",
        ], service: .routing, requiredPeers: [.feedback])
        #expect(configuration.port == 8083)
        #expect(configuration.databaseSchema == "routing")
        #expect(configuration.peers[.feedback] == "http://feedback:8084")
        #expect(configuration.maximumBodyBytes == 65536)
        let ports = ServiceName.allCases.map(\.defaultPort)
        #expect(ports == [8081, 8082, 8083, 8084, 8085])
    }

    @Test("webhook signatures: tampering and stale timestamps are refused")
    func signatures() {
        let body = Array(#"{"ticket":"t-1"}"#.utf8)
        let now = Date()
        let header = WebhookSignature.header(for: body, secret: "k", time: now)
        #expect(WebhookSignature.verify(header: header, body: body, secret: "k", now: now))
        #expect(!WebhookSignature.verify(header: header, body: Array(#"{"ticket":"t-2"}"#.utf8), secret: "k", now: now))
        #expect(!WebhookSignature.verify(header: header, body: body, secret: "k", now: now.addingTimeInterval(3600)))
        #expect(!WebhookSignature.verify(header: "t=1,v1=zz", body: body, secret: "k"))
    }
}
