import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Postgres against the real server")
struct PostgresTests {
    @Test("values round-trip through parameters and results")
    func roundTrip() async throws {
        let pool = try await TestDatabase.makePool("roundtrip")
        defer { Task { try? await pool.shutdown() } }
        let id = UUID()
        let when = Date(timeIntervalSince1970: 1_764_400_000.123456)
        let blob = Data([0, 1, 0xfe, 0xff])
        let row = try #require(
            try await pool.query(
                """
                SELECT \("來電人反映：路燈壞了 🚦")::text AS text, \(42)::int AS small, \(Int64.max)::bigint AS big,
                       \(3.25)::float8 AS real, \(true)::bool AS flag, \(when)::timestamptz AS at, \(id)::uuid AS id,
                       \(blob)::bytea AS blob, \(Optional<String>.none)::text AS missing
                """
            ).first)
        #expect(try row.decode("text", as: String.self) == "來電人反映：路燈壞了 🚦")
        #expect(try row.decode("small", as: Int.self) == 42)
        #expect(try row.decode("big", as: Int64.self) == Int64.max)
        #expect(try row.decode("real", as: Double.self) == 3.25)
        #expect(try row.decode("flag", as: Bool.self))
        #expect(try row.decode("at", as: Date.self).timeIntervalSince1970 == when.timeIntervalSince1970)
        #expect(try row.decode("id", as: UUID.self) == id)
        #expect(try row.decode("blob", as: Data.self) == blob)
        #expect(try row.decode("missing", as: String?.self) == nil)
        #expect(throws: PostgresError.self) { try row.decode("missing", as: String.self) }
    }

    @Test("the hand-written text forms agree with the server: timestamps from 1900 to 9999 to the microsecond, ids in either case, bytea")
    func textForms() async throws {
        let pool = try await TestDatabase.makePool("textforms")
        defer { Task { try? await pool.shutdown() } }
        let moments: [Double] = [0, -0.000001, 1_764_400_000.000001, 1_764_400_000.999999, -2_208_988_800, 253_402_300_799.5, 951_782_400]
        for seconds in moments {
            let when = Date(timeIntervalSince1970: seconds)
            let row = try #require(
                try await pool.query("SELECT \(when)::timestamptz AS at, extract(epoch FROM \(when)::timestamptz)::text AS epoch").first)
            let epoch = try #require(Double(try row.decode("epoch", as: String.self)))
            #expect(abs(epoch - seconds) < 0.000_000_5, "\(seconds) was read by the server as \(epoch)")
            #expect(abs(try row.decode("at", as: Date.self).timeIntervalSince1970 - seconds) < 0.000_000_5)
        }
        let id = UUID()
        let row = try #require(
            try await pool.query("SELECT \(id)::uuid AS id, upper(\(id)::uuid::text) AS upper, \(Data((0...255).map(UInt8.init)))::bytea AS blob").first)
        #expect(try row.decode("id", as: UUID.self) == id)
        #expect(UUID(postgresText: try row.decode("upper", as: String.self)) == id)
        #expect(try row.decode("blob", as: Data.self) == Data((0...255).map(UInt8.init)))
        #expect(UUID(postgresText: "not-a-uuid-but-thirty-six-characters") == nil)
        #expect(UUID(postgresText: "0123456789abcdef0123456789abcdef0123") == nil)
        #expect(Hex.encode([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(Hex.decode("000FA5ff".utf8) == [0x00, 0x0f, 0xa5, 0xff])
        #expect(Hex.decode("abc".utf8) == nil)
        #expect(Hex.decode("zz".utf8) == nil)
    }

    @Test("a value that looks like SQL stays a value")
    func injectionIsInert() async throws {
        let pool = try await TestDatabase.makePool("inject")
        defer { Task { try? await pool.shutdown() } }
        try await pool.query("CREATE TABLE notes (body text)")
        let hostile = "x'); DROP TABLE notes; --"
        try await pool.query("INSERT INTO notes (body) VALUES (\(hostile))")
        let rows = try await pool.query("SELECT body FROM notes")
        #expect(rows.count == 1)
        #expect(try rows.first?.decode("body", as: String.self) == hostile)
    }

    @Test("bad SQL fails with SQLSTATE 42601 and no bound values in the message")
    func syntaxError() async throws {
        let pool = try await TestDatabase.makePool("syntax")
        defer { Task { try? await pool.shutdown() } }
        let error = await #expect(throws: PostgresError.self) {
            try await pool.query("SELEC \("secret-value")")
        }
        #expect(error?.sqlState == "42601")
        #expect(error?.code == .queryFailed)
        #expect(error?.description.contains("secret-value") == false)
    }

    @Test("a refused connection is a clear connectionFailed error")
    func refusedConnection() async throws {
        let pool = try PostgresPool(configuration: PostgresConfiguration(url: "postgres://nobody@127.0.0.1:1/fenliu", poolSize: 1))
        defer { Task { try? await pool.shutdown() } }
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains("127.0.0.1") == true)
    }

    @Test("a bad URL or schema name is refused before connecting")
    func invalidConfiguration() {
        #expect(throws: PostgresError.self) { try PostgresPool(configuration: PostgresConfiguration(url: "host=x")) }
        #expect(throws: PostgresError.self) {
            try PostgresPool(configuration: PostgresConfiguration(url: "postgres://x@y/z", schema: "a; DROP"))
        }
    }

    @Test("a transaction rolls back when its body throws")
    func rollback() async throws {
        let pool = try await TestDatabase.makePool("rollback")
        defer { Task { try? await pool.shutdown() } }
        try await pool.query("CREATE TABLE things (name text)")
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await pool.transaction { connection in
                try connection.query("INSERT INTO things VALUES ('half')")
                throw Boom()
            }
        }
        #expect(try await pool.query("SELECT * FROM things").isEmpty)
    }

    @Test("a transaction's BEGIN travels with its first statement: one transaction, and a failing first statement leaves the connection usable")
    func beginWithFirstStatement() async throws {
        let pool = try await TestDatabase.makePool("lazy_begin", size: 1)
        defer { Task { try? await pool.shutdown() } }
        try await pool.query("CREATE TABLE things (name text PRIMARY KEY)")
        let pid = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first).decode("pid", as: Int.self)
        let (first, second) = try await pool.transaction { connection in
            let first = try #require(try connection.query("SELECT txid_current()::text AS id").first).decode("id", as: String.self)
            try connection.query("INSERT INTO things VALUES ('kept')")
            let second = try #require(try connection.query("SELECT txid_current()::text AS id").first).decode("id", as: String.self)
            return (first, second)
        }
        #expect(first == second)
        // The first statement fails: nothing stays, and the one connection serves on (not left in pipeline mode).
        let error = await #expect(throws: PostgresError.self) {
            try await pool.transaction { connection in
                try connection.query("INSERT INTO things VALUES ('kept')")
                try connection.query("INSERT INTO things VALUES ('never')")
            }
        }
        #expect(error?.sqlState == "23505")
        // A statement new to the connection, prepared in the pipeline, then run again prepared; a
        // script first; a transaction with no statement; one that throws before its first.
        for name in ["later", "later still"] { try await pool.transaction { try $0.query("INSERT INTO things VALUES (\(name))") } }
        try await pool.transaction { try $0.execute(script: "INSERT INTO things VALUES ('scripted')") }
        let nothing = try await pool.transaction { _ in 7 }
        #expect(nothing == 7)
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await pool.transaction { _ in throw Boom() } }
        let names = try await pool.query("SELECT name FROM things ORDER BY name").map { try $0.decode("name", as: String.self) }
        #expect(names == ["kept", "later", "later still", "scripted"])
        let samePID = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first).decode("pid", as: Int.self)
        #expect(samePID == pid)
        // Not left inside a transaction, seen from another session.
        let admin = try await TestDatabase.makePool("lazy_begin_admin", size: 1)
        defer { Task { try? await admin.shutdown() } }
        let state = try #require(try await admin.query("SELECT state FROM pg_stat_activity WHERE pid = \(pid)").first)
        #expect(try state.decode("state", as: String.self) == "idle")
        // Prepared once, in the pipeline that opened its first transaction, and reused after.
        let prepared = try #require(
            try await pool.query("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement = 'INSERT INTO things VALUES ($1)'").first)
        #expect(try prepared.decode("n", as: Int.self) == 1)
    }

    @Test("one service's role cannot read another service's schema")
    func roleIsolation() async throws {
        let port = try TestDatabase.port()
        let intake = try PostgresPool(
            configuration: PostgresConfiguration(
                url: "postgres://intake:intake@127.0.0.1:\(port)/fenliu", schema: "intake", poolSize: 1))
        let routing = try PostgresPool(
            configuration: PostgresConfiguration(
                url: "postgres://routing:routing@127.0.0.1:\(port)/fenliu", schema: "routing", poolSize: 1))
        defer {
            Task {
                try? await intake.shutdown(); try? await routing.shutdown()
            }
        }
        let table = "isolation_\(UInt32.random(in: 0...UInt32.max))"
        try await intake.query("CREATE TABLE \(unescaped: table) (secret text)")
        try await intake.query("INSERT INTO \(unescaped: table) VALUES ('caller phone')")
        #expect(try await intake.query("SELECT * FROM \(unescaped: table)").count == 1)
        let error = await #expect(throws: PostgresError.self) {
            try await routing.query("SELECT * FROM intake.\(unescaped: table)")
        }
        #expect(error?.sqlState == "42501")
        #expect(error?.isPermissionDenied == true)
        try await intake.query("DROP TABLE \(unescaped: table)")
    }

    @Test("the pool reconnects after the server drops its connection")
    func reconnects() async throws {
        let pool = try await TestDatabase.makePool("reconnect", size: 1)
        let admin = try await TestDatabase.makePool("reconnect_admin", size: 1)
        defer {
            Task {
                try? await pool.shutdown(); try? await admin.shutdown()
            }
        }
        let pid = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first).decode("pid", as: Int.self)
        try await admin.query("SELECT pg_terminate_backend(\(pid))")
        // The first statement on the dead connection may fail; the one after must work.
        _ = try? await pool.query("SELECT 1")
        let newPID = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first).decode("pid", as: Int.self)
        #expect(newPID != pid)
    }

    @Test("a statement is prepared once per connection and serves every run; a table changed under it is prepared afresh")
    func preparedStatements() async throws {
        let pool = try await TestDatabase.makePool("prepared", size: 1)
        defer { Task { try? await pool.shutdown() } }
        try await pool.query("CREATE TABLE notes (id int PRIMARY KEY, body int)")
        for id in 1...20 {
            try await pool.query("INSERT INTO notes (id, body) VALUES (\(id), \(id * 10))")
        }
        for id in [3, 17, 20] {
            let body = try #require(try await pool.query("SELECT body FROM notes WHERE id = \(id)").first).decode("body", as: Int.self)
            #expect(body == id * 10)
        }
        let prepared = try await pool.query("SELECT statement FROM pg_prepared_statements").map { try $0.decode("statement", as: String.self) }
        #expect(prepared.filter { $0.hasPrefix("INSERT INTO notes") }.count == 1, "one preparation for twenty inserts: \(prepared)")
        #expect(prepared.filter { $0.hasPrefix("SELECT body FROM notes") }.count == 1)

        // The column's type changes under the prepared SELECTs — one returns it, one compares a
        // parameter with it (the parameter keeps the old type): each fails once, the next run works.
        #expect(try await pool.query("SELECT id FROM notes WHERE body = \("40")").first?.decode("id", as: Int.self) == 4)
        try await pool.query("ALTER TABLE notes ALTER COLUMN body TYPE text")
        _ = try? await pool.query("SELECT body FROM notes WHERE id = \(3)")
        let body = try #require(try await pool.query("SELECT body FROM notes WHERE id = \(3)").first).decode("body", as: String.self)
        #expect(body == "30")
        _ = try? await pool.query("SELECT id FROM notes WHERE body = \("40")")
        #expect(try await pool.query("SELECT id FROM notes WHERE body = \("40")").first?.decode("id", as: Int.self) == 4)

        // A statement evicted inside a transaction (DEALLOCATE fails there) is freed afterwards.
        #expect(try await pool.query("SELECT id FROM notes WHERE body = \("50")").first?.decode("id", as: Int.self) == 5)
        try await pool.query("ALTER TABLE notes ALTER COLUMN body TYPE int USING body::int")
        await #expect(throws: PostgresError.self) {
            try await pool.transaction { connection in _ = try connection.query("SELECT id FROM notes WHERE body = \("50")") }
        }
        #expect(try await pool.query("SELECT id FROM notes WHERE body = \("50")").first?.decode("id", as: Int.self) == 5)
        let copies = try await pool.query("SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE 'SELECT id FROM notes%'")
        #expect(try copies.first?.decode("n", as: Int.self) == 1, "the evicted statement was freed after the rollback")

        // A statement that does not parse is an error, and is not kept.
        await #expect(throws: PostgresError.self) { try await pool.query("SELEC body FROM notes WHERE id = \(1)") }
        #expect(try await pool.query("SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE 'SELEC %'").first?.decode("n", as: Int.self) == 0)
        try await pool.query("DROP TABLE notes")
    }

    @Test(
        "a statement run .cached keeps a generic plan, one run .eachRun is planned on every run; rollbacks and failures reset what the connection knows of the mode"
    )
    func planModes() async throws {
        let pool = try await TestDatabase.makePool("plans", size: 1)
        defer { Task { try? await pool.shutdown() } }
        try await pool.query("CREATE TABLE notes (id int PRIMARY KEY, body int)")
        for id in 1...10 {
            try await pool.query("INSERT INTO notes (id, body) VALUES (\(id), \(id * 10))", plan: .cached)
            _ = try await pool.query("SELECT body FROM notes WHERE id = \(id)", plan: .cached)
            _ = try await pool.query("SELECT id FROM notes WHERE body > \(id)")
        }
        func plans(_ prefix: String) async throws -> (generic: Int, custom: Int) {
            let row = try #require(
                try await pool.query(
                    "SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE starts_with(statement, \(prefix))"
                ).first)
            return (try row.decode("generic"), try row.decode("custom"))
        }
        // PostgreSQL's `auto`: five runs planned with their values, then the kept plan.
        #expect(try await plans("SELECT body FROM notes") == (generic: 5, custom: 5))
        #expect(try await plans("INSERT INTO notes") == (generic: 5, custom: 5))
        #expect(try await plans("SELECT id FROM notes") == (generic: 0, custom: 10))
        // `= ANY` of a few keys: `auto` plans it with its values on every run (the array's length is
        // then known, so that plan looks cheaper than the kept one); `.generic` plans it once.
        for id in 1...8 {
            _ = try await pool.query("SELECT id, body FROM notes WHERE id = ANY(\("{\(id),\(id + 1)}")::int[])", plan: .cached)
            _ = try await pool.query("SELECT body, id FROM notes WHERE id = ANY(\("{\(id),\(id + 1)}")::int[])", plan: .generic)
        }
        #expect(try await plans("SELECT id, body FROM notes WHERE id = ANY") == (generic: 0, custom: 8))
        #expect(try await plans("SELECT body, id FROM notes WHERE id = ANY") == (generic: 8, custom: 0))

        // The session's mode as each statement sees it.
        @Sendable func mode(_ plan: PostgresPlan, on connection: PostgresConnection) throws -> String {
            try #require(try connection.query("SELECT current_setting('plan_cache_mode') || \("") AS mode", plan: plan).first).decode("mode")
        }
        func mode(_ plan: PostgresPlan) async throws -> String { try await pool.withConnection { try mode(plan, on: $0) } }
        #expect(try await mode(.cached) == "auto")
        // A statement without parameters is planned once in any mode, so it switches nothing.
        let unswitched = try await pool.query("SELECT current_setting('plan_cache_mode') AS mode").first?.decode("mode", as: String.self)
        #expect(unswitched == "auto")
        #expect(try await mode(.eachRun) == "force_custom_plan")
        #expect(try await mode(.generic) == "force_generic_plan")
        // A transaction that switched and rolled back leaves the session as it was: the next
        // statement must not take the rolled-back SET for the session's mode.
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await pool.transaction { connection in
                #expect(try mode(.cached, on: connection) == "auto")
                throw Boom()
            }
        }
        #expect(try await mode(.cached) == "auto")
        // A failing statement takes the SET sent with it down in its implicit transaction.
        #expect(try await mode(.eachRun) == "force_custom_plan")
        await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1 / \(0) AS n", plan: .cached) }
        #expect(try await mode(.cached) == "auto")
        // Several switches inside one committed transaction, and the mode after it.
        try await pool.transaction { connection in
            #expect(try mode(.eachRun, on: connection) == "force_custom_plan")
            #expect(try mode(.cached, on: connection) == "auto")
            try connection.query("INSERT INTO notes (id, body) VALUES (\(11), \(110))", plan: .cached)
        }
        #expect(try await mode(.cached) == "auto")
        #expect(try await mode(.eachRun) == "force_custom_plan")
        #expect(try await pool.query("SELECT count(*)::int AS n FROM notes").first?.decode("n", as: Int.self) == 11)

        // A body that swallows a failed statement and returns: the server answers the COMMIT with
        // ROLLBACK, and the transaction is an error, not a success (the insert is gone, and so is
        // the SET made in it).
        let swallowed = await #expect(throws: PostgresError.self) {
            try await pool.transaction { connection in
                try connection.query("INSERT INTO notes (id, body) VALUES (\(12), \(120))", plan: .cached)
                #expect(try mode(.eachRun, on: connection) == "force_custom_plan")
                _ = try? connection.query("SELECT 1 / \(0) AS n")
            }
        }
        #expect(swallowed?.sqlState == "25P02")
        #expect(try await pool.query("SELECT count(*)::int AS n FROM notes").first?.decode("n", as: Int.self) == 11)
        #expect(try await mode(.eachRun) == "force_custom_plan")

        // Outside a transaction, a statement sent with its SET commits at the pipeline's sync; a
        // deferred constraint fails there, after the statement itself succeeded: still an error.
        try await pool.query("CREATE TABLE parents (id int PRIMARY KEY)")
        try await pool.query("CREATE TABLE kids (id int, parent int REFERENCES parents DEFERRABLE INITIALLY DEFERRED)")
        #expect(try await mode(.eachRun) == "force_custom_plan")
        let pid = try await pool.query("SELECT pg_backend_pid() AS pid").first?.decode("pid", as: Int.self)
        let deferred = await #expect(throws: PostgresError.self) {
            try await pool.query("INSERT INTO kids (id, parent) VALUES (\(1), \(99))", plan: .cached)
        }
        #expect(deferred?.sqlState == "23503")
        // Read to the end: the connection left pipeline mode and serves on.
        #expect(try await pool.query("SELECT pg_backend_pid() AS pid").first?.decode("pid", as: Int.self) == pid)
        #expect(try await pool.query("SELECT count(*)::int AS n FROM kids").first?.decode("n", as: Int.self) == 0)
        #expect(try await mode(.cached) == "auto")
    }
}
