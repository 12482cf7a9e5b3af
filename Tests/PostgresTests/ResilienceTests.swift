import Foundation
import TestSupport
import Testing

@testable import Postgres

/// What keeps a service answering when the database or the network misbehaves.
@Suite("Postgres: dead connections, deadlines, limits")
struct ResilienceTests {
    @Test("a transaction whose pooled connection died while idle is retried once on a fresh one, without an error")
    func retriesAtBegin() async throws {
        let pool = try await TestDatabase.makePool("begin_retry", size: 1)
        let admin = try await TestDatabase.makePool("begin_retry_admin", size: 1)
        defer {
            Task {
                try? await pool.shutdown(); try? await admin.shutdown()
            }
        }
        let pid = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first).decode("pid", as: Int.self)
        try await admin.query("SELECT pg_terminate_backend(\(pid))")
        try await Task.sleep(for: .milliseconds(100))
        let newPID = try await pool.transaction { connection in
            try #require(try connection.query("SELECT pg_backend_pid() AS pid").first).decode("pid", as: Int.self)
        }
        #expect(newPID != pid)
    }

    @Test("the request's deadline cuts a slow statement short, and the connection keeps the standard limit afterwards")
    func deadlineBecomesStatementTimeout() async throws {
        let pool = try await TestDatabase.makePool("deadline", size: 1)
        defer { Task { try? await pool.shutdown() } }
        let error = await #expect(throws: PostgresError.self) {
            try await DatabaseDeadline.$current.withValue(ContinuousClock.now + .milliseconds(300)) {
                try await pool.query("SELECT pg_sleep(30)")
            }
        }
        #expect(error?.isTimeout == true)
        let inTransaction = await #expect(throws: PostgresError.self) {
            try await DatabaseDeadline.$current.withValue(ContinuousClock.now + .milliseconds(300)) {
                try await pool.transaction { try $0.query("SELECT pg_sleep(30)") }
            }
        }
        #expect(inTransaction?.isTimeout == true)
        let limit = try #require(try await pool.query("SHOW statement_timeout").first).decode("statement_timeout", as: String.self)
        #expect(limit == "30s")
    }

    @Test("a deadline that has passed never reaches the database")
    func passedDeadline() async throws {
        let pool = try await TestDatabase.makePool("deadline_passed", size: 1)
        defer { Task { try? await pool.shutdown() } }
        let error = await #expect(throws: PostgresError.self) {
            try await DatabaseDeadline.$current.withValue(ContinuousClock.now - .seconds(1)) { try await pool.query("SELECT 1") }
        }
        #expect(error?.code == .deadlineExceeded)
    }

    @Test("every connection has keepalives, a TCP user timeout, a statement limit and an idle-in-transaction limit")
    func connectionLimits() async throws {
        let configuration = PostgresConfiguration(url: try TestDatabase.url())
        #expect(configuration.conninfo.contains("keepalives=1"))
        #expect(configuration.conninfo.contains("tcp_user_timeout=15000"))
        let pool = try await TestDatabase.makePool("limits", size: 1)
        defer { Task { try? await pool.shutdown() } }
        let row = try #require(
            try await pool.query(
                """
                SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle
                """
            ).first)
        #expect(try row.decode("statement", as: String.self) == "30s")
        #expect(try row.decode("idle", as: String.self) == "1min")
    }

    @Test("a value with a NUL character is refused, never silently cut short")
    func refusesNUL() async throws {
        let pool = try await TestDatabase.makePool("nul", size: 1)
        defer { Task { try? await pool.shutdown() } }
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT \("报警\u{0}人称")::text AS t") }
        #expect(error?.code == .invalidValue)
    }

    @Test("a server that cannot be reached is unavailable, something to retry")
    func unreachableIsUnavailable() async throws {
        let port = try unusedPort()
        let pool = try PostgresPool(configuration: PostgresConfiguration(url: "postgres://postgres@127.0.0.1:\(port)/fenliu"))
        defer { Task { try? await pool.shutdown() } }
        let error = await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") }
        #expect(error?.isUnavailable == true)
    }
}
