import Postgres
import TestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    let migrations = [
        MigrationSet(
            component: "demo",
            migrations: [
                Migration(version: 1, name: "calls", sql: "CREATE TABLE calls (id int PRIMARY KEY); CREATE INDEX calls_id ON calls (id);"),
                Migration(version: 2, name: "calls.note", sql: "ALTER TABLE calls ADD COLUMN note text"),
            ])
    ]

    @Test("applies once, records versions, and a second run is a no-op")
    func idempotent() async throws {
        let pool = try await TestDatabase.makePool("migrate")
        defer { Task { try? await pool.shutdown() } }
        #expect(try await Migrator.pending(migrations, on: pool) == ["demo/1", "demo/2"])
        #expect(try await Migrator.migrate(migrations, on: pool) == 2)
        #expect(try await Migrator.migrate(migrations, on: pool) == 0)
        #expect(try await Migrator.pending(migrations, on: pool).isEmpty)
        try await pool.query("INSERT INTO calls (id, note) VALUES (1, 'ok')")
    }

    @Test("replicas migrating at once apply each migration exactly once")
    func concurrent() async throws {
        let schema = try await TestDatabase.makeSchema("migrate_race")
        let url = try TestDatabase.url()
        let applied = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let pool = try PostgresPool(configuration: PostgresConfiguration(url: url, schema: schema, poolSize: 1))
                    defer { Task { try? await pool.shutdown() } }
                    return try await Migrator.migrate(migrations, on: pool)
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(applied == 2)
    }

    @Test("a failing migration leaves nothing behind")
    func failingMigration() async throws {
        let pool = try await TestDatabase.makePool("migrate_fail")
        defer { Task { try? await pool.shutdown() } }
        let broken = [
            MigrationSet(
                component: "broken",
                migrations: [
                    Migration(version: 1, name: "ok", sql: "CREATE TABLE fine (id int)"),
                    Migration(version: 2, name: "bad", sql: "CREATE TABLE oops (id nosuchtype)"),
                ])
        ]
        await #expect(throws: PostgresError.self) { try await Migrator.migrate(broken, on: pool) }
        #expect(try await pool.query("SELECT to_regclass('fine') IS NULL AS absent").first?.decode("absent", as: Bool.self) == true)
    }
}
