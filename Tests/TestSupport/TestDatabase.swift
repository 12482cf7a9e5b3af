import Foundation
import HTTPClient
import Postgres

/// The real PostgreSQL that `scripts/test` starts, and fresh schemas in it for each test.
public enum TestDatabase {
    /// A superuser URL of the test database (`FENLIU_TEST_DATABASE_URL`).
    public static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["FENLIU_TEST_DATABASE_URL"], !url.isEmpty else {
            throw TestSetupError("FENLIU_TEST_DATABASE_URL is not set: run the tests with scripts/test, which starts PostgreSQL")
        }
        return url
    }

    /// The test cluster's port.
    public static func port() throws -> Int {
        guard let text = ProcessInfo.processInfo.environment["FENLIU_TEST_POSTGRES_PORT"], let port = Int(text) else {
            throw TestSetupError("FENLIU_TEST_POSTGRES_PORT is not set: run the tests with scripts/test")
        }
        return port
    }

    /// A new, empty schema named `prefix_<random>`; tests never see each other's rows.
    public static func makeSchema(_ prefix: String) async throws -> String {
        let name = "t_\(prefix)_\(UInt32.random(in: 0...UInt32.max))".lowercased()
        let pool = try PostgresPool(configuration: PostgresConfiguration(url: try url(), poolSize: 1))
        defer { Task { try? await pool.shutdown() } }
        try await pool.withConnection { try $0.execute(script: "CREATE SCHEMA \(name)") }
        return name
    }

    /// A pool whose connections use a new schema.
    public static func makePool(_ prefix: String, size: Int = 2) async throws -> PostgresPool {
        let schema = try await makeSchema(prefix)
        return try PostgresPool(configuration: PostgresConfiguration(url: try url(), schema: schema, poolSize: size))
    }
}

/// The test environment is not set up; the message says how to fix it.
public struct TestSetupError: Error, CustomStringConvertible {
    /// What is missing.
    public let description: String

    /// Creates an error.
    public init(_ description: String) {
        self.description = description
    }
}

/// One libcurl client shared by all tests, so test instances do not each start a thread pool.
public enum TestHTTP {
    /// The shared client. Every test of the process shares it, so it has slots enough that no test
    /// waits behind others' calls, and a timeout that allows for the first seconds of a run, when
    /// dozens of servers and stacks start at once on two cores (16 slots and 10 s made calls time
    /// out after 22 s in CI: queued, then cut).
    public static let client = HTTPClient(
        configuration: .init(connectTimeout: .seconds(5), requestTimeout: .seconds(30), maximumConcurrentRequests: 64))

    /// The deadline of tests' Connect calls, for the same reason (RPCClient's own default is 10 s:
    /// a trivial call in the first seconds of a run once took longer).
    public static let rpcTimeout: Duration = .seconds(30)
}

extension PostgresPool {
    /// The plan PostgreSQL would use for `sql` if sequential scans were a last resort: tells whether
    /// an index can serve the query at all, however few rows a test table holds.
    public func indexPlan(_ sql: String) async throws -> String {
        try await withConnection { connection in
            try connection.execute(script: "SET enable_seqscan = off")
            defer { try? connection.execute(script: "SET enable_seqscan = on") }
            return try connection.query(PostgresQuery(sql: "EXPLAIN " + sql)).map { try $0.decode("QUERY PLAN", as: String.self) }
                .joined(separator: "\n")
        }
    }
}
