/// One versioned change to a schema.
public struct Migration: Sendable {
    /// Position in its component's sequence, starting at 1; never reused.
    public let version: Int
    /// A short name, recorded with the version.
    public let name: String
    /// The SQL, possibly several statements.
    public let sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// The migrations of one component of a schema (the service itself, or a shared part such as the
/// outbox). Components keep separate version sequences so shared parts never collide with a
/// service's own numbering.
public struct MigrationSet: Sendable {
    /// The component's name, recorded with each version.
    public let component: String
    /// Its migrations in version order.
    public let migrations: [Migration]

    /// Creates a set.
    public init(component: String, migrations: [Migration]) {
        self.component = component
        self.migrations = migrations
    }
}

/// Applies migrations in the connection's current schema.
public enum Migrator {
    /// Applies every migration not yet recorded, in one transaction under an advisory lock keyed
    /// on the schema, so replicas starting together apply each exactly once. Returns how many ran.
    @discardableResult
    public static func migrate(_ sets: [MigrationSet], on pool: PostgresPool) async throws -> Int {
        try await pool.transaction { connection in
            try connection.query("SELECT pg_advisory_xact_lock(hashtext(current_schema()))")
            // An index on a big table may take longer than a request's statement limit; and libpq
            // would print PostgreSQL's NOTICEs (schema_migrations "already exists, skipping") to
            // standard error at every start.
            try connection.execute(script: "SET LOCAL statement_timeout = 0; SET LOCAL client_min_messages = warning")
            try connection.execute(
                script: """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        component text NOT NULL,
                        version integer NOT NULL,
                        name text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now(),
                        PRIMARY KEY (component, version)
                    )
                    """)
            var applied = 0
            for set in sets {
                let done = try appliedVersions(of: set.component, on: connection)
                for migration in set.migrations where !done.contains(migration.version) {
                    try connection.execute(script: migration.sql)
                    try connection.query(
                        """
                        INSERT INTO schema_migrations (component, version, name)
                        VALUES (\(set.component), \(migration.version), \(migration.name))
                        """)
                    applied += 1
                }
            }
            return applied
        }
    }

    /// The migrations not yet applied, as `component/version` strings; empty when up to date.
    public static func pending(_ sets: [MigrationSet], on pool: PostgresPool) async throws -> [String] {
        try await pool.withConnection { connection in
            let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
            let present = try exists.first?.decode("present", as: Bool.self) ?? false
            var pending = [String]()
            for set in sets {
                let done = present ? try appliedVersions(of: set.component, on: connection) : []
                pending += set.migrations.filter { !done.contains($0.version) }.map { "\(set.component)/\($0.version)" }
            }
            return pending
        }
    }

    private static func appliedVersions(of component: String, on connection: PostgresConnection) throws -> Set<Int> {
        let rows = try connection.query("SELECT version FROM schema_migrations WHERE component = \(component)")
        return Set(try rows.map { try $0.decode("version", as: Int.self) })
    }
}
