import HTTPClient
import Hummingbird
import Logging
import NIOCore
import Postgres
import RPC
import ServiceLifecycle

/// Builds a runnable service from a module: migrations first, then routes, the outbox worker and
/// the module's background work. The executables and the tests call this same function.
public enum ServiceApplication {
    /// Connects, migrates, and returns the application, ready to `runService()`.
    ///
    /// `onServerRunning` receives the bound port (useful with port 0 in tests).
    public static func build<Module: ServiceModule>(
        _ module: Module.Type,
        configuration: ServiceConfiguration,
        moduleConfiguration: Module.Configuration,
        logger: Logger? = nil,
        outboxConfiguration: OutboxWorker.Configuration? = nil,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        var logger = logger ?? Logger(label: Module.service.executableName)
        logger.logLevel = configuration.logLevel

        let database = try PostgresPool(
            configuration: PostgresConfiguration(
                url: configuration.databaseURL, schema: configuration.databaseSchema,
                poolSize: configuration.databasePoolSize, applicationName: Module.service.executableName
            ))
        let migrations = [Outbox.migrations, KeyStore.migrations, MigrationSet(component: Module.service.rawValue, migrations: Module.migrations)]
        try await migrateWhenReachable(migrations, on: database, logger: logger)
        let keys = KeyStore(pool: database)
        let configuredKeys = configuration.access.keys
        if !configuredKeys.isEmpty {
            try await database.transaction { connection in
                for key in configuredKeys { try KeyStore.insert(key, on: connection) }
            }
        }
        let gate = configuration.access.isEnabled ? AccessGate(keys: keys, requestsPerMinute: configuration.access.requestsPerMinute) : nil
        if gate == nil {
            logger.warning("FENLIU_AUTH is off: every call is admitted without a key; never run like this where others can reach the service")
        }

        let httpClient = HTTPClient()
        let deliveryClient = HTTPClient()
        let metrics = MetricsRegistry()
        var workerConfiguration = outboxConfiguration ?? OutboxWorker.Configuration()
        workerConfiguration.pollInterval = outboxConfiguration?.pollInterval ?? configuration.outboxPollInterval
        workerConfiguration.retention = outboxConfiguration?.retention ?? configuration.outboxRetention
        workerConfiguration.deliverBatch = outboxConfiguration?.deliverBatch ?? configuration.outboxDeliverBatch
        workerConfiguration.handOffLinger = outboxConfiguration?.handOffLinger ?? configuration.outboxLinger
        let moduleBox = ModuleBox<Module>()
        let worker = OutboxWorker(
            pool: database, httpClient: deliveryClient, peers: configuration.peers,
            endpoints: { subscriber in try await moduleBox.module?.webhookEndpoint(for: subscriber) },
            onDelivered: { message, connection in try moduleBox.module?.outboxDelivered(message, on: connection) },
            deliveryTargets: Module.outboxDeliveryTargets,
            defaultSecret: configuration.webhookSecret, serviceKey: configuration.access.serviceKey, metrics: metrics, logger: logger,
            configuration: workerConfiguration
        )
        let environment = ServiceEnvironment(
            configuration: configuration, database: database, httpClient: httpClient, outbox: worker.outbox,
            metrics: metrics, logger: logger, keys: keys, gate: gate
        )
        let module = try await Module(environment: environment, configuration: moduleConfiguration)
        moduleBox.module = module

        let router = Router()
        HealthRoutes.register(on: router, database: database, migrations: migrations, metrics: metrics)
        let server = RPCServer(
            router: router,
            configuration: .init(
                maximumBodyBytes: configuration.maximumBodyBytes, maximumConcurrentCalls: configuration.access.maximumConcurrentCalls,
                maximumBodyReadTime: configuration.bodyReadTimeout, gate: gate),
            observer: metrics, logger: logger
        )
        let registry = MethodRegistry(server: server, database: database, outbox: worker.outbox)
        AdminHandlers(database: database, keys: keys, appliedOnce: registry.appliedOnce, served: registry.served).register(on: registry)
        for handler in module.handlers { handler.register(on: registry) }
        module.registerRoutes(on: router)
        let openAPI = try OpenAPIDocument.make(service: Module.service, methods: registry.served.all, routes: module.routesDescription)
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
        }

        let idle = configuration.idleTimeout.components.seconds
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(idle))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: Module.service.executableName),
            services: [ResourceCloser(database: database, httpClients: [httpClient, deliveryClient]), worker] + module.backgroundServices,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Waits for the database at start-up (compose may start a service before Postgres accepts
    /// connections), then migrates.
    private static func migrateWhenReachable(_ migrations: [MigrationSet], on database: PostgresPool, logger: Logger) async throws {
        var attempt = 0
        while true {
            do {
                let applied = try await Migrator.migrate(migrations, on: database)
                logger.info("database ready", metadata: ["migrations.applied": "\(applied)"])
                return
            } catch let error as PostgresError where error.isUnavailable && attempt < 30 {
                attempt += 1
                // The cause too: "database does not exist" or a bad sslmode is no outage to wait out.
                logger.warning("database not reachable yet; retrying", metadata: ["attempt": "\(attempt)", "error": "\(error.message)"])
                try await Task.sleep(for: .seconds(1))
            }
        }
    }
}

/// Holds the module for the endpoint lookup, which is created before the module exists.
private final class ModuleBox<Module: ServiceModule>: @unchecked Sendable {
    // Written once during build, before the server starts; read afterwards only.
    var module: Module?
}

/// Closes the database pool and HTTP clients after everything else has stopped.
private struct ResourceCloser: Service {
    let database: PostgresPool
    let httpClients: [HTTPClient]

    func run() async throws {
        try? await gracefulShutdown()
        try? await database.shutdown()
        for client in httpClients { try? await client.shutdown() }
    }
}
