import NIOPosix
import Synchronization

/// A pool of libpq connections with the threads that use them.
///
/// libpq blocks, so every statement runs on this pool's own `NIOThreadPool`, never on Swift's
/// cooperative executor. The pool has as many threads as connections, so a job that gets a thread
/// always gets a connection: the thread pool's queue is the only waiting line. A broken connection
/// (server restarted) is dropped and the next job opens a fresh one; a transaction whose reused
/// connection turns out dead at `BEGIN` is retried once on a fresh one, since nothing ran yet.
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
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        let timeout = try DatabaseDeadline.remainingMilliseconds()
        let begin = timeout.map { "BEGIN; SET LOCAL statement_timeout = \(min($0, self.configuration.statementTimeoutMilliseconds))" } ?? "BEGIN"
        return try await onThread {
            let connection = try self.begin(begin)
            do {
                let value = try body(connection)
                try connection.execute(script: "COMMIT")
                self.checkin(connection)
                return value
            } catch {
                if connection.isHealthy, (try? connection.execute(script: "ROLLBACK")) != nil { self.checkin(connection) }
                throw error
            }
        }
    }

    /// Runs one statement on any connection.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await withConnection { try $0.query(query) }
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

    /// A connection with `BEGIN` done. A reused connection that fails at `BEGIN` was closed by the
    /// server or the network while idle; nothing ran on it, so one fresh connection is tried.
    private func begin(_ statement: String) throws -> PostgresConnection {
        let (connection, reused) = try checkout()
        do {
            try connection.execute(script: statement)
            return connection
        } catch let error as PostgresError where reused && error.isUnavailable {
            let fresh = try open()
            try fresh.execute(script: statement)
            return fresh
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
