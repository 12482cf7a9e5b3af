/// How a `PostgresPool` connects.
public struct PostgresConfiguration: Sendable {
    /// A `postgres://user:password@host:port/database` URL.
    public var url: String
    /// The schema every connection uses as its `search_path`; `nil` keeps the role's default.
    public var schema: String?
    /// How many connections (and threads) the pool may open.
    public var poolSize: Int
    /// Shown in `pg_stat_activity`.
    public var applicationName: String
    /// Seconds libpq waits for a connection to open.
    public var connectTimeoutSeconds: Int
    /// Longest a statement may run when the request sets no deadline of its own (`statement_timeout`).
    public var statementTimeoutMilliseconds: Int
    /// Longest a transaction may sit idle before the server ends it (`idle_in_transaction_session_timeout`),
    /// so a stuck client can never hold locks for long.
    public var idleInTransactionTimeoutMilliseconds: Int
    /// How long unacknowledged data may wait on the socket before the connection counts as dead
    /// (`tcp_user_timeout`); with TCP keepalives this bounds how long a black-holed network to the
    /// server hangs a call, instead of the operating system's 15 minutes.
    public var tcpUserTimeoutMilliseconds: Int

    /// Creates a configuration.
    public init(
        url: String, schema: String? = nil, poolSize: Int = 4, applicationName: String = "fenliu",
        connectTimeoutSeconds: Int = 5, statementTimeoutMilliseconds: Int = 30_000,
        idleInTransactionTimeoutMilliseconds: Int = 60_000, tcpUserTimeoutMilliseconds: Int = 15_000
    ) {
        self.url = url
        self.schema = schema
        self.poolSize = poolSize
        self.applicationName = applicationName
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.idleInTransactionTimeoutMilliseconds = idleInTransactionTimeoutMilliseconds
        self.tcpUserTimeoutMilliseconds = tcpUserTimeoutMilliseconds
    }

    /// Checks the URL and schema name before anything connects.
    func validate() throws {
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
            throw PostgresError(code: .invalidConfiguration, message: "database URL must start with postgres:// or postgresql://")
        }
        if let schema, !Self.isPlainIdentifier(schema) {
            throw PostgresError(code: .invalidConfiguration, message: "schema name must match [a-z_][a-z0-9_]*")
        }
        guard poolSize > 0 else {
            throw PostgresError(code: .invalidConfiguration, message: "pool size must be at least 1")
        }
    }

    /// The libpq connection string: the URL plus our parameters. Keepalives probe an idle connection
    /// after 10 s, every 5 s, 3 times, so a dead server or network is noticed within about 25 s.
    var conninfo: String {
        let separator = url.contains("?") ? "&" : "?"
        return url + separator + "connect_timeout=\(connectTimeoutSeconds)&application_name=\(applicationName)"
            + "&keepalives=1&keepalives_idle=10&keepalives_interval=5&keepalives_count=3"
            + "&tcp_user_timeout=\(tcpUserTimeoutMilliseconds)"
    }

    /// The statements each new connection runs first. The schema is a checked identifier, so it can
    /// be written into the SQL (SET takes no parameters).
    var sessionSetup: String {
        var sql = "SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET statement_timeout = \(statementTimeoutMilliseconds);"
        sql += " SET idle_in_transaction_session_timeout = \(idleInTransactionTimeoutMilliseconds);"
        // `plan_cache_mode` is the connection's to set, statement by statement (`PostgresPlan`).
        if let schema { sql += " SET search_path TO \(schema);" }
        return sql
    }

    /// Whether `name` is a lower-case SQL identifier that needs no quoting.
    public static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (97...122).contains(first), name.utf8.count <= 63 else {
            return false
        }
        return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || (97...122).contains($0) || (48...57).contains($0) }
    }
}
