import Foundation
import Postgres
import RPC
import SwiftProtobuf

/// The receiving side of the outbox: remembers each `Idempotency-Key` applied, in the same
/// transaction as its effect, so a message delivered twice takes effect once and gets the same answer.
public enum Inbox {
    /// One message to apply once by its key: a call with an `Idempotency-Key`, or one delivery of
    /// `AdminService/Deliver`, checked by its handler and ready to run.
    public struct Delivery: Sendable {
        /// The sender's key, as the inbox keeps it (`callerKey`).
        public let key: String
        /// The method's name; a key used for one method cannot be used for another.
        public let method: String
        /// The effect; answers the response as JSON, which the inbox keeps for repeats.
        public let apply: @Sendable (PostgresConnection) throws -> String

        /// Creates a delivery.
        /// Creates a delivery of the key `key` as the current caller sent it: scoped here, once, for
        /// every way a delivery is made (a call of its own, one of a `Deliver` batch).
        public init(key: String, method: String, apply: @escaping @Sendable (PostgresConnection) throws -> String) {
            self.key = Inbox.callerKey(key)
            self.method = method
            self.apply = apply
        }
    }

    /// Runs `effect` in a transaction unless `key` was applied before, in which case the first answer
    /// is returned again. A `nil` key (a call from a person, not an outbox) always runs `effect`.
    public static func once<Response: SwiftProtobuf.Message>(
        key: String?, method: String, on pool: PostgresPool,
        _ effect: @escaping @Sendable (PostgresConnection) throws -> Response
    ) async throws -> Response {
        guard let key else { return try await pool.transaction { try effect($0) } }
        if let problem = problem(withKey: key) { throw ConnectError.invalidArgument(field: "Idempotency-Key", problem) }
        // The effect's own response is answered as it is; only a repeat is decoded from the inbox.
        let fresh = FreshResponse<Response>()
        let delivery = Delivery(key: key, method: method) { connection in
            let response = try effect(connection)
            fresh.value = response
            return try response.jsonString()
        }
        let answer = try await pool.transaction { try apply([delivery], on: $0) }[0].get()
        return try fresh.value ?? Response(jsonString: answer)
    }

    /// Holds the response an effect made in `once`: written on the transaction's thread, read after
    /// the transaction ended, never both at once.
    private final class FreshResponse<Response: SwiftProtobuf.Message>: @unchecked Sendable {
        var value: Response?
    }

    /// The key as the inbox keeps it: a caller's own, so two callers that happen to pick the same
    /// key (`k-1`) never see each other's answer or lose their effect to the other's. A key from an
    /// API key is prefixed with its owner (the first key of its rotations, so a retry after a key
    /// change still finds its answer); a Fenliu service's (an outbox message's id, a UUID) and one
    /// sent with keys off are kept as sent — so hand-offs applied before keys were scoped are
    /// still recognised when redelivered. Only a key that is nothing but a service's is exempt.
    public static func callerKey(_ key: String) -> String {
        guard let principal = Principal.current else { return key }
        if !principal.scopes.isEmpty, principal.scopes.allSatisfy({ $0.kind == .service }) { return key }
        return principal.owner + ":" + key
    }

    /// The longest key a caller may send, in bytes (a primary key's index entry must fit in a page;
    /// the owner's prefix adds at most 65).
    public static let maximumKeyBytes = 256

    /// What is wrong with a key, or `nil` when it can be kept.
    public static func problem(withKey key: String) -> String? {
        if key.isEmpty { return "is required" }
        if key.utf8.count > maximumKeyBytes { return "must be at most \(maximumKeyBytes) bytes" }
        return nil
    }

    /// Applies `deliveries` in order in the caller's transaction, each unless its key was applied
    /// before (then its first answer is given again; a repeat inside the batch counts too), and
    /// records the new keys. The answer per delivery is its response as JSON, or the error that
    /// refused it without touching the database (a key used before for another method). An effect
    /// that throws throws here: the caller's transaction, and so the whole batch, is rolled back.
    ///
    /// Concurrent deliveries of one key wait on a transaction-scoped advisory lock, so only one
    /// applies; a batch takes its keys' locks in the order of the locks' own numbers, so two batches
    /// cannot deadlock on them. Three statements besides the effects, however many deliveries: the locks, the lookup
    /// and the insert.
    public static func apply(_ deliveries: [Delivery], on connection: PostgresConnection) throws -> [Result<String, ConnectError>] {
        guard !deliveries.isEmpty else { return [] }
        let keys = textArray(Array(Set(deliveries.map(\.key))))
        try connection.query(
            """
            SELECT pg_advisory_xact_lock(hashtext(key))
            FROM (SELECT key FROM unnest(\(keys)::text[]) AS key ORDER BY hashtext(key), key) AS sorted
            """, plan: .cached)
        var known = [String: (method: String, response: String)]()
        for row in try connection.query("SELECT idempotency_key, method, response FROM inbox WHERE idempotency_key = ANY(\(keys)::text[])", plan: .cached) {
            known[try row.decode("idempotency_key", as: String.self)] = (
                try row.decode("method", as: String.self), try row.decode("response", as: String.self)
            )
        }
        var answers = [Result<String, ConnectError>]()
        var fresh = [[String: String]]()
        for delivery in deliveries {
            if let first = known[delivery.key] {
                answers.append(
                    first.method == delivery.method
                        ? .success(first.response)
                        : .failure(ConnectError.invalidArgument(field: "Idempotency-Key", "was already used for another method")))
                continue
            }
            let response = try delivery.apply(connection)
            known[delivery.key] = (delivery.method, response)
            fresh.append(["key": delivery.key, "method": delivery.method, "response": response])
            answers.append(.success(response))
        }
        if !fresh.isEmpty {
            try connection.query(
                """
                INSERT INTO inbox (idempotency_key, method, response)
                SELECT key, method, response FROM json_to_recordset(\(jsonText(fresh))::json) AS fresh(key text, method text, response text)
                """, plan: .cached)
        }
        return answers
    }

    /// `value` as JSON text, for a statement's one parameter holding many rows.
    private static func jsonText(_ value: some Encodable) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// `values` as a PostgreSQL array literal of text (each element quoted, `\` and `"` escaped),
    /// so a lookup of many keys is one `= ANY(…)` along the primary key.
    static func textArray(_ values: [String]) -> String {
        // Scalar by scalar: Foundation's `replacingOccurrences` bridged each key through NSString,
        // twice, on every hop's lookup (a profile's finding).
        var literal = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { literal.unicodeScalars.append(",") }
            literal.unicodeScalars.append("\"")
            for scalar in value.unicodeScalars {
                if scalar == "\\" || scalar == "\"" { literal.unicodeScalars.append("\\") }
                literal.unicodeScalars.append(scalar)
            }
            literal.unicodeScalars.append("\"")
        }
        literal.unicodeScalars.append("}")
        return literal
    }
}
