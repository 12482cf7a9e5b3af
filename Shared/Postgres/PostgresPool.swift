import NIOPosix
import Synchronization

/// A pool of libpq connections with the threads that use them.
///
/// libpq blocks, so every statement runs on this pool's own `NIOThreadPool`, never on Swift's
/// cooperative executor. The pool has as many threads as connections, so a job that gets a thread
/// always gets a connection: the thread pool's queue is the only waiting line. A broken connection
/// (server restarted) is dropped and the next job opens a fresh one.
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
        do {
            return try await threadPool.runIfActive { [self] in
                let connection = try checkout()
                do {
                    let value = try body(connection)
                    checkin(connection)
                    return value
                } catch {
                    if connection.isHealthy { checkin(connection) }
                    throw error
                }
            }
        } catch is NIOThreadPoolError.ThreadPoolInactive {
            throw PostgresError(code: .poolClosed, message: "the connection pool is shut down")
        }
    }

    /// Runs `body` inside one transaction: committed when it returns, rolled back when it throws.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await withConnection { connection in
            try connection.execute(script: "BEGIN")
            do {
                let value = try body(connection)
                try connection.execute(script: "COMMIT")
                return value
            } catch {
                if connection.isHealthy { try? connection.execute(script: "ROLLBACK") }
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

    private func checkout() throws -> PostgresConnection {
        while let connection = idle.withLock({ $0.popLast() }) {
            if connection.isHealthy { return connection }
        }
        let connection = try PostgresConnection(conninfo: configuration.conninfo)
        try connection.execute(script: configuration.sessionSetup)
        return connection
    }

    private func checkin(_ connection: PostgresConnection) {
        idle.withLock { $0.append(connection) }
    }
}
