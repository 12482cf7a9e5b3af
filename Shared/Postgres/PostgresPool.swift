import NIOPosix
import Synchronization

/// A pool of libpq connections with the threads that use them.
///
/// libpq blocks, so every statement runs on this pool's own `NIOThreadPool`, never on Swift's
/// cooperative executor. The pool has as many threads as connections, so a job that gets a thread
/// always gets a connection: the thread pool's queue is the only waiting line. A broken connection
/// (server restarted) is dropped and the next job opens a fresh one; a transaction whose reused
/// connection turns out dead before the server answered its `BEGIN` (sent with its first
/// statement) is run again once on a fresh one, since nothing ran yet.
/// The request's deadline (`DatabaseDeadline`) becomes `statement_timeout` for the work done for it.
public final class PostgresPool: Sendable {
    /// How this pool connects.
    public let configuration: PostgresConfiguration
    private let threadPool: NIOThreadPool
    private let idle = Mutex<[PostgresConnection]>([])

    /// Creates a pool; connections open lazily, on first use.
    public init(configuration: PostgresConfiguration) throws {
        try configuration.validate()
        self.configuration = configuration
        self.threadPool = NIOThreadPool(numberOfThreads: configuration.poolSize)
        threadPool.start()
    }

    /// Runs `body` with a connection, on a pool thread.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let timeout = try DatabaseDeadline.remainingMilliseconds()
        let standard = configuration.statementTimeoutMilliseconds
        return try await onThread {
            let (connection, _) = try self.checkout()
            do {
                if let timeout { try connection.execute(script: "SET statement_timeout = \(min(timeout, standard))") }
                let value = try body(connection)
                if timeout != nil { try connection.execute(script: "SET statement_timeout = \(standard)") }
                self.checkin(connection)
                return value
            } catch {
                self.checkinIfReusable(connection, afterDeadline: timeout != nil)
                throw error
            }
        }
    }

    /// Runs `body` inside one transaction: committed when it returns, rolled back when it throws.
    ///
    /// `body` may run twice: when a reused connection turns out dead before the server answered the
    /// transaction's `BEGIN`, nothing ran, and `body` runs again on a fresh connection — so it must
    /// do nothing but database work on the connection it is given (every caller's does).
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let deadline = DatabaseDeadline.current
        _ = try DatabaseDeadline.remainingMilliseconds(until: deadline)
        let standard = configuration.statementTimeoutMilliseconds
        // What is left of the request's deadline when each attempt begins (the wait for a thread
        // and a first attempt on a dead connection count against it).
        let opening = { @Sendable () throws -> [String] in
            ["BEGIN"] + (try DatabaseDeadline.remainingMilliseconds(until: deadline).map { ["SET LOCAL statement_timeout = \(min($0, standard))"] } ?? [])
        }
        return try await onThread {
            var (connection, reused) = try self.checkout()
            do {
                let value: T
                do {
                    connection.beginLazily(try opening())
                    value = try body(connection)
                } catch let error as PostgresError where reused && error.isUnavailable && !connection.beganOnServer && !connection.isHealthy {
                    // Closed by the server or the network while idle: nothing ran on it.
                    (connection, reused) = (try self.open(), false)
                    connection.beginLazily(try opening())
                    value = try body(connection)
                }
                try connection.commit()
                self.checkin(connection)
                return value
            } catch {
                if connection.isHealthy, (try? connection.rollback()) != nil { self.checkin(connection) }
                throw error
            }
        }
    }

    /// Runs one statement on any connection; `plan` as in `PostgresConnection.query(_:plan:)`.
    @discardableResult
    public func query(_ query: PostgresQuery, plan: PostgresPlan = .eachRun) async throws -> PostgresRows {
        try await withConnection { try $0.query(query, plan: plan) }
    }

    /// Closes every connection and stops the threads.
    public func shutdown() async throws {
        try await threadPool.shutdownGracefully()
        idle.withLock { $0.removeAll() }
    }

    private func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let context = DatabaseCallContext.current
        do {
            return try await threadPool.runIfActive { try DatabaseCallContext.run(with: context, work) }
        } catch is NIOThreadPoolError.ThreadPoolInactive {
            throw PostgresError(code: .poolClosed, message: "the connection pool is shut down")
        }
    }

    private func checkout() throws -> (PostgresConnection, reused: Bool) {
        while let connection = idle.withLock({ $0.popLast() }) {
            if connection.isHealthy { return (connection, true) }
        }
        return (try open(), false)
    }

    private func open() throws -> PostgresConnection {
        let connection = try PostgresConnection(conninfo: configuration.conninfo)
        try connection.execute(script: configuration.sessionSetup)
        return connection
    }

    private func checkin(_ connection: PostgresConnection) {
        idle.withLock { $0.append(connection) }
    }

    /// Keeps a connection after a failed job when it is still usable. After a job that shortened
    /// `statement_timeout`, the standard value must be restored first, or the connection goes.
    private func checkinIfReusable(_ connection: PostgresConnection, afterDeadline: Bool) {
        guard connection.isHealthy else { return }
        if afterDeadline {
            guard (try? connection.execute(script: "SET statement_timeout = \(configuration.statementTimeoutMilliseconds)")) != nil else { return }
        }
        checkin(connection)
    }
}
