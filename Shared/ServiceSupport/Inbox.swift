import Foundation
import Postgres
import RPC
import SwiftProtobuf

/// The receiving side of the outbox: remembers each `Idempotency-Key` applied, in the same
/// transaction as its effect, so a message delivered twice takes effect once and gets the same answer.
public enum Inbox {
    /// Runs `effect` in a transaction unless `key` was applied before, in which case the first answer
    /// is returned again. A `nil` key (a call from a person, not an outbox) always runs `effect`.
    ///
    /// Concurrent deliveries of one key wait on a transaction-scoped advisory lock, so only one applies.
    public static func once<Response: SwiftProtobuf.Message>(
        key: String?, method: String, on pool: PostgresPool,
        _ effect: @escaping @Sendable (PostgresConnection) throws -> Response
    ) async throws -> Response {
        try await pool.transaction { connection in
            guard let key else { return try effect(connection) }
            try connection.query("SELECT pg_advisory_xact_lock(hashtext(\(key)))")
            let stored = try connection.query("SELECT method, response FROM inbox WHERE idempotency_key = \(key)")
            if let row = stored.first {
                guard try row.decode("method", as: String.self) == method else {
                    throw ConnectError.invalidArgument(field: "Idempotency-Key", "was already used for another method")
                }
                return try Response(jsonString: try row.decode("response", as: String.self))
            }
            let response = try effect(connection)
            try connection.query(
                """
                INSERT INTO inbox (idempotency_key, method, response) VALUES (\(key), \(method), \(try response.jsonString()))
                """)
            return response
        }
    }
}
