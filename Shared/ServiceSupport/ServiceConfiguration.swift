import Logging

/// Everything a service reads from its environment, read once at start-up.
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

    /// Creates a configuration directly (tests do).
    public init(
        service: ServiceName, host: String = "127.0.0.1", port: Int = 0, databaseURL: String, databaseSchema: String? = nil,
        databasePoolSize: Int = 4, peers: [ServiceName: String] = [:], webhookSecret: String? = nil,
        logLevel: Logger.Level = .info, maximumBodyBytes: Int = 64 * 1024, outboxPollInterval: Duration = .milliseconds(500)
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
    }

    /// Reads the configuration of `service` from environment variables. Every problem is collected
    /// and reported at once, so a DevOps engineer fixes the deployment in one go.
    public static func fromEnvironment(
        _ environment: [String: String], service: ServiceName, requiredPeers: [ServiceName]
    ) throws(ConfigurationError) -> ServiceConfiguration {
        var problems = [String]()
        func integer(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let text = environment[name], !text.isEmpty else { return value }
            guard let number = Int(text), range.contains(number) else {
                problems.append("\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound), got \"\(text)\"")
                return value
            }
            return number
        }
        let port = integer("PORT", default: service.defaultPort, range: 0...65535)
        let poolSize = integer("DATABASE_POOL_SIZE", default: 4, range: 1...64)
        let maximumBody = integer("FENLIU_MAX_BODY_BYTES", default: 64 * 1024, range: 1024...(16 * 1024 * 1024))
        let pollMilliseconds = integer("FENLIU_OUTBOX_POLL_MS", default: 500, range: 10...60_000)
        let databaseURL = environment["DATABASE_URL"] ?? ""
        if databaseURL.isEmpty {
            problems.append("DATABASE_URL is not set (postgres://\(service.rawValue):PASSWORD@HOST:5432/fenliu)")
        }
        var peers = [ServiceName: String]()
        for peer in ServiceName.allCases where peer != service {
            if let url = environment[peer.urlVariable], !url.isEmpty {
                guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    problems.append("\(peer.urlVariable) must be an http:// or https:// URL, got \"\(url)\"")
                    continue
                }
                peers[peer] = url
            } else if requiredPeers.contains(peer) {
                problems.append("\(peer.urlVariable) is not set; \(service.rawValue) calls \(peer.rawValue)")
            }
        }
        var logLevel = Logger.Level.info
        if let text = environment["LOG_LEVEL"], !text.isEmpty {
            if let level = Logger.Level(rawValue: text.lowercased()) {
                logLevel = level
            } else {
                problems.append("LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(service: service, problems: problems) }
        return ServiceConfiguration(
            service: service, host: environment["HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "0.0.0.0", port: port,
            databaseURL: databaseURL, databaseSchema: environment["DATABASE_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 },
            databasePoolSize: poolSize, peers: peers,
            webhookSecret: environment["FENLIU_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 },
            logLevel: logLevel, maximumBodyBytes: maximumBody, outboxPollInterval: .milliseconds(pollMilliseconds)
        )
    }
}

/// The environment does not describe a runnable service.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The service being configured.
    public let service: ServiceName
    /// Each problem, in words a DevOps engineer can act on.
    public let problems: [String]

    public var description: String {
        "fenliu-\(service.rawValue) cannot start:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
