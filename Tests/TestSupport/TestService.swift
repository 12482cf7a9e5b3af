import Hummingbird
import Logging
import Postgres
import ServiceSupport

/// Runs a Fenliu service in-process against the test database, in a schema of its own.
public enum TestService {
    /// Starts `module` on a free port with a fresh schema and calls `body` with its base URL and the
    /// schema's pool (for assertions on stored rows).
    public static func with<Module: ServiceModule, T: Sendable>(
        _ module: Module.Type,
        configuration moduleConfiguration: Module.Configuration? = nil,
        peers: [ServiceName: String] = [:],
        port: Int = 0,
        webhookSecret: String? = "test-secret",
        outbox: OutboxWorker.Configuration = .init(pollInterval: .milliseconds(50), baseRetryDelay: .milliseconds(100), maximumRetryDelay: .milliseconds(400)),
        idleTimeout: Duration? = nil,
        access: AccessConfiguration = .off,
        _ body: (_ baseURL: String, _ database: PostgresPool) async throws -> T
    ) async throws -> T {
        let schema = try await TestDatabase.makeSchema(Module.service.rawValue)
        var configuration = ServiceConfiguration(
            service: Module.service, port: port, databaseURL: try TestDatabase.url(), databaseSchema: schema, databasePoolSize: 3,
            peers: peers, webhookSecret: webhookSecret, logLevel: .warning
        )
        if let idleTimeout { configuration.idleTimeout = idleTimeout }
        // Keys are off unless a test turns them on (the access tests do; scripts/up always does).
        configuration.access = access
        // The module's settings as an empty environment gives them: every default.
        var reader = ConfigurationReader([:])
        let defaults = Module.Configuration.read(from: &reader)
        let database = try PostgresPool(configuration: PostgresConfiguration(url: try TestDatabase.url(), schema: schema, poolSize: 1))
        defer { Task { try? await database.shutdown() } }
        let build = { (onRunning: @escaping @Sendable (Int) async -> Void) in
            try await ServiceApplication.build(
                Module.self, configuration: configuration, moduleConfiguration: moduleConfiguration ?? defaults,
                outboxConfiguration: outbox, onServerRunning: onRunning
            )
        }
        return try await RunningApplication.with(build) { baseURL in try await body(baseURL, database) }
    }
}
