import Logging
import Postgres

/// Everything every service reads from its environment, read once at start-up.
public struct ServiceConfiguration: Sendable {
    /// Which service this is.
    public var service: ServiceName
    /// The address to listen on (`HOST`, default `0.0.0.0`).
    public var host: String
    /// The port to listen on (`PORT`, default per service; 0 picks a free one).
    public var port: Int
    /// The service's own database role and database (`DATABASE_URL`).
    public var databaseURL: String
    /// The schema it owns (`DATABASE_SCHEMA`, default the service name).
    public var databaseSchema: String
    /// Connections (and database threads) per process (`DATABASE_POOL_SIZE`, default 4).
    public var databasePoolSize: Int
    /// Base URLs of the peers this service talks to (`FENLIU_<SERVICE>_URL`).
    public var peers: [ServiceName: String]
    /// The key that signs outbound webhooks when no per-destination key exists (`FENLIU_WEBHOOK_SECRET`).
    public var webhookSecret: String?
    /// `LOG_LEVEL`: trace, debug, info (default), notice, warning, error, critical.
    public var logLevel: Logger.Level
    /// Largest accepted request body in bytes (`FENLIU_MAX_BODY_BYTES`, default 65536).
    public var maximumBodyBytes: Int
    /// How often the outbox worker looks for due messages when nothing woke it (`FENLIU_OUTBOX_POLL_MS`, default 500).
    public var outboxPollInterval: Duration
    /// How long delivered outbox messages and applied inbox keys are kept (`FENLIU_OUTBOX_RETENTION_DAYS`, default 7).
    public var outboxRetention: Duration
    /// Most hand-offs to one peer in one `AdminService/Deliver` (`FENLIU_OUTBOX_DELIVER_BATCH`, default
    /// 100, 1…100); 1 sends each alone.
    public var outboxDeliverBatch: Int
    /// How long the hand-off lane waits before it claims when a commit woke it while its last round
    /// ran (`FENLIU_OUTBOX_LINGER_MS`, default 0, 0…100): under load, a few milliseconds let the
    /// messages of calls arriving together travel in one round and one request; after a quiet spell
    /// it claims at once.
    public var outboxLinger: Duration
    /// How long a client connection may stay idle before the server closes it (`FENLIU_IDLE_TIMEOUT_S`, default 60).
    public var idleTimeout: Duration
    /// How long a client may take to send a request body once its head arrived
    /// (`FENLIU_BODY_READ_TIMEOUT_S`, default 10): slower is answered 408 and closed (slowloris).
    public var bodyReadTimeout: Duration
    /// Keys, scopes and limits (README, "Keys and scopes").
    public var access: AccessConfiguration

    /// Creates a configuration directly (tests do).
    public init(
        service: ServiceName, host: String = "127.0.0.1", port: Int = 0, databaseURL: String, databaseSchema: String? = nil,
        databasePoolSize: Int = 4, peers: [ServiceName: String] = [:], webhookSecret: String? = nil,
        logLevel: Logger.Level = .info, maximumBodyBytes: Int = 64 * 1024, outboxPollInterval: Duration = .milliseconds(500),
        outboxRetention: Duration = .seconds(7 * 86_400), outboxDeliverBatch: Int = 100, outboxLinger: Duration = .zero,
        idleTimeout: Duration = .seconds(60), bodyReadTimeout: Duration = .seconds(10),
        access: AccessConfiguration = .off
    ) {
        self.service = service
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.databaseSchema = databaseSchema ?? service.rawValue
        self.databasePoolSize = databasePoolSize
        self.peers = peers
        self.webhookSecret = webhookSecret
        self.logLevel = logLevel
        self.maximumBodyBytes = maximumBodyBytes
        self.outboxPollInterval = outboxPollInterval
        self.outboxRetention = outboxRetention
        self.outboxDeliverBatch = outboxDeliverBatch
        self.outboxLinger = outboxLinger
        self.idleTimeout = idleTimeout
        self.bodyReadTimeout = bodyReadTimeout
        self.access = access
    }

    /// Reads the configuration of `service`; problems are recorded on `reader`.
    public static func read(
        from reader: inout ConfigurationReader, service: ServiceName, requiredPeers: [ServiceName], signsWebhooks: Bool = false
    ) -> ServiceConfiguration {
        let port = reader.integer("PORT", default: service.defaultPort, in: 0...65535)
        let poolSize = reader.integer("DATABASE_POOL_SIZE", default: 4, in: 1...64)
        let maximumBody = reader.integer("FENLIU_MAX_BODY_BYTES", default: 64 * 1024, in: 1024...(16 * 1024 * 1024))
        let pollMilliseconds = reader.integer("FENLIU_OUTBOX_POLL_MS", default: 500, in: 10...60_000)
        let retentionDays = reader.integer("FENLIU_OUTBOX_RETENTION_DAYS", default: 7, in: 1...3650)
        let deliverBatch = reader.integer("FENLIU_OUTBOX_DELIVER_BATCH", default: 100, in: 1...100)
        let lingerMilliseconds = reader.integer("FENLIU_OUTBOX_LINGER_MS", default: 0, in: 0...100)
        let idleSeconds = reader.integer("FENLIU_IDLE_TIMEOUT_S", default: 60, in: 1...3600)
        let bodyReadSeconds = reader.integer("FENLIU_BODY_READ_TIMEOUT_S", default: 10, in: 1...600)
        let databaseURL = reader.text("DATABASE_URL") ?? ""
        if databaseURL.isEmpty {
            reader.problem("DATABASE_URL is not set (postgres://\(service.rawValue):PASSWORD@HOST:5432/fenliu)")
        } else if !(databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://")) {
            reader.problem("DATABASE_URL must start with postgres:// or postgresql://")
        }
        let schema = reader.text("DATABASE_SCHEMA")
        if let schema, !PostgresConfiguration.isPlainIdentifier(schema) {
            reader.problem("DATABASE_SCHEMA must match [a-z_][a-z0-9_]*, got \"\(schema)\"")
        }
        var peers = [ServiceName: String]()
        for peer in ServiceName.allCases where peer != service {
            if let url = reader.url(peer.urlVariable) {
                peers[peer] = url
            } else if reader.text(peer.urlVariable) == nil, requiredPeers.contains(peer) {
                reader.problem("\(peer.urlVariable) is not set; \(service.rawValue) calls \(peer.rawValue)")
            }
        }
        var logLevel = Logger.Level.info
        if let text = reader.text("LOG_LEVEL") {
            if let level = Logger.Level(rawValue: text.lowercased()) {
                logLevel = level
            } else {
                reader.problem("LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical")
            }
        }
        let access = AccessConfiguration.read(from: &reader, service: service, callsPeers: !requiredPeers.isEmpty)
        let host = reader.listenHost("HOST", default: "0.0.0.0")
        let webhookSecret = reader.text("FENLIU_WEBHOOK_SECRET")
        if signsWebhooks, webhookSecret == nil {
            reader.problem("FENLIU_WEBHOOK_SECRET is not set: \(service.rawValue) signs every webhook to a receiver without a secret of its own")
        }
        return ServiceConfiguration(
            service: service, host: host, port: port, databaseURL: databaseURL,
            databaseSchema: schema, databasePoolSize: poolSize, peers: peers, webhookSecret: webhookSecret,
            logLevel: logLevel, maximumBodyBytes: maximumBody, outboxPollInterval: .milliseconds(pollMilliseconds),
            outboxRetention: .seconds(retentionDays * 86_400), outboxDeliverBatch: deliverBatch,
            outboxLinger: .milliseconds(lingerMilliseconds), idleTimeout: .seconds(idleSeconds),
            bodyReadTimeout: .seconds(bodyReadSeconds), access: access
        )
    }

    /// Reads the configuration of `service` from environment variables, listing every problem at once.
    public static func fromEnvironment(
        _ environment: [String: String], service: ServiceName, requiredPeers: [ServiceName], signsWebhooks: Bool = false
    ) throws(ConfigurationError) -> ServiceConfiguration {
        var reader = ConfigurationReader(environment)
        let configuration = read(from: &reader, service: service, requiredPeers: requiredPeers, signsWebhooks: signsWebhooks)
        guard reader.problems.isEmpty else { throw ConfigurationError(service: service, problems: reader.problems) }
        return configuration
    }
}
