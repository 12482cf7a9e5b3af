import FenliuModel
import Foundation
import Postgres
import SwiftProtobuf

/// A service's outbox: messages written in the same transaction as the change that caused them,
/// delivered afterwards by `OutboxWorker`, so a hand-off is never lost and never sent twice to effect.
public struct Outbox: Sendable {
    /// The `support` component's migrations: the outbox and inbox tables every service has.
    public static let migrations = MigrationSet(component: "support", migrations: [
        Migration(version: 1, name: "outbox and inbox", sql: """
            CREATE TABLE outbox (
                id uuid PRIMARY KEY,
                target text NOT NULL,
                path text NOT NULL,
                body text NOT NULL,
                signing_key text,
                created_at timestamptz NOT NULL DEFAULT now(),
                attempts integer NOT NULL DEFAULT 0,
                next_attempt_at timestamptz NOT NULL DEFAULT now(),
                last_error text,
                delivered_at timestamptz,
                parked_at timestamptz
            );
            CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL AND parked_at IS NULL;
            CREATE TABLE inbox (
                idempotency_key text PRIMARY KEY,
                method text NOT NULL,
                response text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """),
    ])

    private let wakeUp: @Sendable () -> Void

    /// Creates an outbox whose `committed()` wakes the delivery worker.
    public init(wakeUp: @escaping @Sendable () -> Void = {}) {
        self.wakeUp = wakeUp
    }

    /// Writes a message inside the caller's transaction and returns its id.
    @discardableResult
    public func enqueue(_ message: some SwiftProtobuf.Message, to destination: OutboxDestination, on connection: PostgresConnection) throws -> UUID {
        let body: String = try message.jsonString()
        return try enqueue(json: body, to: destination, on: connection)
    }

    /// Writes an already-encoded JSON body inside the caller's transaction.
    @discardableResult
    public func enqueue(json body: String, to destination: OutboxDestination, on connection: PostgresConnection) throws -> UUID {
        let id = UUID()
        let path: String
        let signingKey: String?
        switch destination {
        case .peer(_, let rpcPath):
            path = rpcPath
            signingKey = nil
        case .webhook(let url, let key):
            path = url
            signingKey = key
        }
        try connection.query("""
            INSERT INTO outbox (id, target, path, body, signing_key)
            VALUES (\(id), \(destination.target), \(path), \(body), \(signingKey))
            """)
        return id
    }

    /// Tells the worker that a transaction with new messages committed, so it delivers now rather
    /// than at its next poll.
    public func committed() {
        wakeUp()
    }

    /// Undelivered messages (and delivered ones when asked), oldest first.
    public static func list(includeDelivered: Bool, limit: Int, on pool: PostgresPool) async throws -> [OutboxMessage] {
        try await pool.withConnection { connection in
            let rows = try connection.query("""
                SELECT \(unescaped: OutboxMessage.columns) FROM outbox
                WHERE \(includeDelivered) OR delivered_at IS NULL
                ORDER BY created_at LIMIT \(limit)
                """)
            return try rows.map(OutboxMessage.init(row:))
        }
    }

    /// Counts of pending and parked messages.
    public static func backlog(on pool: PostgresPool) async throws -> (pending: Int, parked: Int) {
        let rows = try await pool.query("""
            SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending, count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
            FROM outbox WHERE delivered_at IS NULL
            """)
        guard let row = rows.first else { return (0, 0) }
        return (try row.decode("pending"), try row.decode("parked"))
    }

    /// Puts a parked or waiting message back in line now; `nil` when no undelivered message has that id.
    public static func retry(id: UUID, on pool: PostgresPool) async throws -> OutboxMessage? {
        try await pool.withConnection { connection in
            let rows = try connection.query("""
                UPDATE outbox SET parked_at = NULL, next_attempt_at = now()
                WHERE id = \(id) AND delivered_at IS NULL
                RETURNING \(unescaped: OutboxMessage.columns)
                """)
            return try rows.first.map(OutboxMessage.init(row:))
        }
    }
}
