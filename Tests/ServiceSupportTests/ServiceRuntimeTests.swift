import FenliuModel
import Foundation
import HTTPClient
import Postgres
import RPC
import ServiceSupport
import TestSupport
import Testing

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
            for path in ["/healthz", "/readyz"] {
                let head = try await client.execute(HTTPClientRequest(method: "HEAD", url: base + path))
                #expect(head.status == 200, "HEAD \(path)")
            }
            _ = try await RPCClient(baseURL: base, httpClient: client, timeout: TestHTTP.rpcTimeout).call(AdminAPI.listOutbox, .init())
            let metrics = try await client.execute(HTTPClientRequest(url: base + "/metrics"))
            #expect(metrics.status == 200)
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"fenliu_rpc_requests_total{code="ok",method="/fenliu.admin.v1.AdminService/ListOutbox"} 1"#))
            #expect(metrics.text.contains("# TYPE fenliu_rpc_duration_seconds histogram"))
            #expect(metrics.text.contains("fenliu_outbox_pending 0"))
            #expect(metrics.text.contains("fenliu_database_up 1"))
            // Counters exist at zero before anything was delivered or failed.
            #expect(metrics.text.contains(#"fenliu_outbox_failures_total{target="webhook"} 0"#))
            #expect(metrics.text.contains(#"fenliu_outbox_delivered_total{target="webhook"} 0"#))
        }
    }

    @Test("a scrape that cannot read the database says so instead of dropping the outbox gauges silently")
    func metricsWithoutDatabase() async throws {
        try await TestService.with(RelayModule.self) { base, database in
            try await database.query("ALTER TABLE outbox RENAME TO outbox_away")
            let metrics = try await client.execute(HTTPClientRequest(url: base + "/metrics"))
            #expect(metrics.status == 200)
            #expect(metrics.text.contains("fenliu_database_up 0"))
            #expect(!metrics.text.contains("fenliu_outbox_pending"))
            try await database.query("ALTER TABLE outbox_away RENAME TO outbox")
        }
    }

    @Test("readiness fails when migrations are missing")
    func notReadyWithoutMigrations() async throws {
        try await TestService.with(RelayModule.self) { base, database in
            try await database.query("DELETE FROM schema_migrations WHERE component = 'reporting'")
            let ready = try await client.execute(HTTPClientRequest(url: base + "/readyz"))
            #expect(ready.status == 503)
            let head = try await client.execute(HTTPClientRequest(method: "HEAD", url: base + "/readyz"))
            #expect(head.status == 503)
        }
    }

    @Test("--healthcheck probes where the server listens: loopback for the wildcards, the address otherwise")
    func healthcheckAddress() {
        #expect(ServiceMain.probeAddress(listeningOn: nil) == "127.0.0.1")
        #expect(ServiceMain.probeAddress(listeningOn: "0.0.0.0") == "127.0.0.1")
        #expect(ServiceMain.probeAddress(listeningOn: "::") == "127.0.0.1")
        #expect(ServiceMain.probeAddress(listeningOn: "::1") == "[::1]")
        #expect(ServiceMain.probeAddress(listeningOn: "10.0.0.5") == "10.0.0.5")
        #expect(ServiceMain.probeAddress(listeningOn: "localhost") == "localhost")
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
        let configuration = try ServiceConfiguration.fromEnvironment(
            [
                "DATABASE_URL": "postgres://routing:pw@db:5432/fenliu", "FENLIU_FEEDBACK_URL": "http://feedback:8084",
                "FENLIU_SERVICE_KEY": "fk_abc123_secret",
            ], service: .routing, requiredPeers: [.feedback])
        #expect(configuration.port == 8083)
        #expect(configuration.access.isEnabled, "keys are on unless turned off")
        #expect(configuration.access.serviceKey == "fk_abc123_secret")
        #expect(configuration.access.requestsPerMinute == 1200)
        // A service that calls peers cannot start without its own key while keys are on.
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.fromEnvironment(
                ["DATABASE_URL": "postgres://routing:pw@db:5432/fenliu", "FENLIU_FEEDBACK_URL": "http://feedback:8084"], service: .routing,
                requiredPeers: [.feedback])
        }
        #expect(configuration.databaseSchema == "routing")
        #expect(configuration.peers[.feedback] == "http://feedback:8084")
        #expect(configuration.maximumBodyBytes == 65536)
        #expect(configuration.outboxLinger == .zero, "the hand-off lane claims at once unless told to linger")
        let lingering = try ServiceConfiguration.fromEnvironment(
            ["DATABASE_URL": "postgres://intake:pw@db:5432/fenliu", "FENLIU_AUTH": "off", "FENLIU_OUTBOX_LINGER_MS": "10"], service: .intake,
            requiredPeers: [])
        #expect(lingering.outboxLinger == .milliseconds(10))
        let tooLong = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.fromEnvironment(
                ["DATABASE_URL": "postgres://intake:pw@db:5432/fenliu", "FENLIU_AUTH": "off", "FENLIU_OUTBOX_LINGER_MS": "500"], service: .intake,
                requiredPeers: [])
        }
        #expect(tooLong?.description.contains("FENLIU_OUTBOX_LINGER_MS") == true)
        // A service that signs webhooks does not start without the secret to sign them with.
        let unsigned = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.fromEnvironment(
                ["DATABASE_URL": "postgres://routing:pw@db:5432/fenliu", "FENLIU_AUTH": "off", "FENLIU_FEEDBACK_URL": "http://feedback:8084"],
                service: .routing, requiredPeers: [.feedback], signsWebhooks: true)
        }
        #expect(unsigned?.description.contains("FENLIU_WEBHOOK_SECRET is not set") == true)
        // HOST is checked before anything is migrated: a typo is told at once.
        for host in ["0.0.0.0", "::", "127.0.0.1", "localhost"] {
            let listening = try ServiceConfiguration.fromEnvironment(
                ["DATABASE_URL": "postgres://intake:pw@db:5432/fenliu", "FENLIU_AUTH": "off", "HOST": host], service: .intake, requiredPeers: [])
            #expect(listening.host == host)
        }
        for host in ["0.0.0.0:8081", "http://0.0.0.0", "999.1.1.1", "no such host"] {
            let bad = #expect(throws: ConfigurationError.self, "HOST \(host)") {
                try ServiceConfiguration.fromEnvironment(
                    ["DATABASE_URL": "postgres://intake:pw@db:5432/fenliu", "FENLIU_AUTH": "off", "HOST": host], service: .intake, requiredPeers: [])
            }
            #expect(bad?.description.contains("HOST must be an address to listen on") == true, "HOST \(host)")
        }
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

    @Test("database failures reach clients as codes they can act on, never as internal text")
    func databaseErrors() {
        #expect(PostgresError(code: .connectionFailed, message: "refused").connectError.code == .unavailable)
        #expect(PostgresError(code: .connectionLost, message: "gone").connectError.code == .unavailable)
        #expect(PostgresError(code: .queryFailed, sqlState: "57P01", message: "shutting down").connectError.code == .unavailable)
        #expect(PostgresError(code: .queryFailed, sqlState: "57014", message: "statement timeout").connectError.code == .deadlineExceeded)
        #expect(PostgresError(code: .queryFailed, sqlState: "40P01", message: "deadlock").connectError.code == .aborted)
        let other = PostgresError(code: .queryFailed, sqlState: "42601", message: "syntax error at SELECT secret")
        #expect(other.connectError.code == .internal)
        #expect(other.connectError.message == "internal error")
    }

    @Test("a client connection that stays idle is closed by the server")
    func idleConnectionsTimeOut() async throws {
        try await TestService.with(RelayModule.self, idleTimeout: .seconds(1)) { base, _ in
            let port = try #require(URL(string: base)?.port)
            let outcome = await Self.onThread { Self.waitForClose(port: port, within: 60) }
            #expect(outcome == "closed")
        }
    }

    /// Connects, sends nothing, and says what the server did: "closed" when it closed the connection
    /// (an orderly close or a reset) within the bound. A receive interrupted by a signal (the suite
    /// starts and reaps processes beside this test) is waited out again, not taken for an answer; the
    /// bound is generous because a loaded machine delays the server's timer, and only a server that
    /// never closes takes it all.
    static func waitForClose(port: Int, within seconds: Int) -> String {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { return "connect failed: errno \(errno)" }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let deadline = ContinuousClock.now + .seconds(seconds)
        var byte: UInt8 = 0
        while ContinuousClock.now < deadline {
            let received = recv(socket, &byte, 1, 0)
            if received == 0 { return "closed" }
            if received > 0 { return "the server sent a byte to a client that asked nothing" }
            switch errno {
            case ECONNRESET: return "closed"
            case EINTR, EAGAIN, EWOULDBLOCK: continue
            default: return "recv failed: errno \(errno)"
            }
        }
        return "still open after \(seconds) s"
    }

    /// Runs blocking socket work on a thread of its own, never on the cooperative pool.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
