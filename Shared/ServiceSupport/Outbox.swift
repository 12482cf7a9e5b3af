import FenliuModel
import Foundation
import Postgres
import RPC
import SwiftProtobuf

/// A service's outbox: messages written in the same transaction as the change that caused them,
/// delivered afterwards by `OutboxWorker`, so a hand-off is never lost and never sent twice to effect.
public struct Outbox: Sendable {
    /// The `support` component's migrations: the outbox and inbox tables every service has.
    public static let migrations = MigrationSet(
        component: "support",
        migrations: [
            Migration(
                version: 1, name: "outbox and inbox",
                sql: """
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
            // Webhooks name their subscriber (a department, a subscription) and are resolved to a URL
            // and secret when sent, so an endpoint changed after the message was written is used; a
            // message whose receiver changed (a reassigned ticket) can be canceled. Every scan the
            // worker, the metrics, the admin API and the purge make has an index that bounds it by the
            // rows it returns, not by the size of the table.
            Migration(
                version: 2, name: "subscribers, cancellation, retention, bounded scans",
                sql: """
                    ALTER TABLE outbox RENAME COLUMN signing_key TO subscriber;
                    ALTER TABLE outbox ADD COLUMN canceled_at timestamptz;
                    DROP INDEX outbox_due;
                    CREATE INDEX outbox_due ON outbox (next_attempt_at, created_at)
                        WHERE delivered_at IS NULL AND parked_at IS NULL AND canceled_at IS NULL;
                    CREATE INDEX outbox_undelivered ON outbox (created_at, id) WHERE delivered_at IS NULL AND canceled_at IS NULL;
                    CREATE INDEX outbox_created ON outbox (created_at, id);
                    CREATE INDEX outbox_subscriber ON outbox (subscriber)
                        WHERE subscriber IS NOT NULL AND delivered_at IS NULL AND canceled_at IS NULL;
                    CREATE INDEX outbox_delivered ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;
                    CREATE INDEX outbox_canceled ON outbox (canceled_at) WHERE canceled_at IS NOT NULL;
                    CREATE INDEX inbox_applied ON inbox (applied_at);
                    """),
            // Messages that share an ordering key (a subscriber and a ticket, say) are delivered one
            // after the other in the order they were written: a later one is never sent while an
            // earlier one is undelivered. `sequence` is that order.
            Migration(
                version: 3, name: "ordered delivery",
                sql: """
                    ALTER TABLE outbox ADD COLUMN ordering_key text;
                    ALTER TABLE outbox ADD COLUMN sequence bigint GENERATED ALWAYS AS IDENTITY;
                    CREATE INDEX outbox_ordering ON outbox (ordering_key, sequence)
                        WHERE ordering_key IS NOT NULL AND delivered_at IS NULL AND canceled_at IS NULL;
                    """),
        ])

    private let wakeUp: @Sendable () -> Void

    /// Creates an outbox whose `committed()` wakes the delivery worker.
    public init(wakeUp: @escaping @Sendable () -> Void = {}) {
        self.wakeUp = wakeUp
    }

    /// Writes a hand-off to the peer service that serves `method`, inside the caller's transaction,
    /// and returns its id. With `orderingKey`, it is delivered only after every earlier message with
    /// the same key was.
    @discardableResult
    public func enqueue<Request, Response>(
        _ method: RPCMethod<Request, Response>, _ request: Request, orderingKey: String? = nil, on connection: PostgresConnection
    ) throws -> UUID {
        var batch = Batch()
        let id = try batch.add(method, request, orderingKey: orderingKey)
        try batch.write(on: connection)
        return id
    }

    /// Writes a webhook for `subscriber` (a department id, a subscription id) inside the caller's
    /// transaction. The module resolves the subscriber's URL and secret when the message is sent
    /// (`ServiceModule.webhookEndpoint(for:)`). With `orderingKey`, delivered only after every
    /// earlier message with the same key.
    @discardableResult
    public func enqueue(
        webhook message: some SwiftProtobuf.Message, for subscriber: String, orderingKey: String? = nil, on connection: PostgresConnection
    ) throws -> UUID {
        var batch = Batch()
        let id = try batch.add(webhook: message, for: subscriber, orderingKey: orderingKey)
        try batch.write(on: connection)
        return id
    }

    /// Messages a transaction writes together, in one statement instead of one each (a new ticket's
    /// webhook, its hand-over to feedback and its event for reporting): added in order, written by
    /// `write(on:)` in that order, so messages sharing an ordering key keep it. Each `add` is
    /// `enqueue`'s check and returns the id the message will have.
    public struct Batch: Sendable {
        private var rows: [Row] = []

        private struct Row: Sendable {
            let id: UUID
            let target: String
            let path: String
            let body: String
            let subscriber: String?
            let orderingKey: String?
        }

        /// An empty batch.
        public init() {}

        /// Whether nothing was added.
        public var isEmpty: Bool { rows.isEmpty }

        /// Adds a hand-off (see `Outbox.enqueue(_:_:orderingKey:on:)`).
        @discardableResult
        public mutating func add<Request, Response>(
            _ method: RPCMethod<Request, Response>, _ request: Request, orderingKey: String? = nil
        ) throws -> UUID {
            guard let peer = ServiceName(rawValue: method.serviceShortName) else {
                throw PostgresError(code: .invalidValue, message: "no Fenliu service serves \(method.service)")
            }
            // A hand-off may arrive twice and, batched, through `AdminService/Deliver`, which applies
            // only such methods: the outbox carries nothing else.
            guard method.idempotency == .idempotent else {
                throw ConnectError(.internal, "\(method.name) is not applied once per Idempotency-Key, so the outbox cannot carry it")
            }
            return append(target: peer.rawValue, path: method.path, body: try request.jsonString(), subscriber: nil, orderingKey: orderingKey)
        }

        /// Adds a webhook (see `Outbox.enqueue(webhook:for:orderingKey:on:)`).
        @discardableResult
        public mutating func add(webhook message: some SwiftProtobuf.Message, for subscriber: String, orderingKey: String? = nil) throws -> UUID {
            append(target: Outbox.webhookTarget, path: "", body: try message.jsonString(), subscriber: subscriber, orderingKey: orderingKey)
        }

        private mutating func append(target: String, path: String, body: String, subscriber: String?, orderingKey: String?) -> UUID {
            let id = UUID()
            rows.append(Row(id: id, target: target, path: path, body: body, subscriber: subscriber, orderingKey: orderingKey))
            return id
        }

        /// Inserts the messages, inside the caller's transaction: one statement, the rows in the
        /// order added (a VALUES list is inserted in its order, so `sequence` follows it).
        public func write(on connection: PostgresConnection) throws {
            guard let statement = insertStatement else { return }
            try connection.query(statement, plan: .cached)
        }

        /// The statement `write(on:)` runs, `nil` when nothing was added: for a caller that folds
        /// one more change of its own into it as `WITH messages AS (…) UPDATE …` — one statement and
        /// one round trip instead of two (PostgreSQL runs a data-modifying `WITH` to completion
        /// whether or not the outer statement reads it). Bind the outer statement's values to the
        /// returned query, after these.
        public var insertStatement: PostgresQuery? {
            guard !rows.isEmpty else { return nil }
            var query = PostgresQuery(sql: "INSERT INTO outbox (id, target, path, body, subscriber, ordering_key) VALUES ")
            query.appendValues(of: rows) { [$0.id, $0.target, $0.path, $0.body, $0.subscriber, $0.orderingKey] }
            return query
        }
    }

    /// The `target` of webhook messages.
    public static let webhookTarget = "webhook"

    /// How `last_error` begins while a webhook waits for its subscriber to get an endpoint: not a
    /// failed attempt, so a reader of the table (routing's delivery state) can tell the two apart.
    public static let waitingPrefix = "waiting: "

    /// Withdraws every undelivered message to `subscriber` (it unsubscribed), in the caller's transaction.
    public static func cancel(subscriber: String, on connection: PostgresConnection) throws {
        try connection.query(
            """
            UPDATE outbox SET canceled_at = now() WHERE subscriber = \(subscriber) AND delivered_at IS NULL AND canceled_at IS NULL
            """)
    }

    /// Tells the worker that a transaction with new messages committed, so it delivers now rather
    /// than at its next poll.
    public func committed() {
        wakeUp()
    }

    /// Withdraws a message that is not delivered yet (its receiver changed), in the caller's
    /// transaction. One being sent at this moment may still arrive; receivers apply by key anyway.
    public static func cancel(_ id: UUID, on connection: PostgresConnection) throws {
        try connection.query("UPDATE outbox SET canceled_at = now() WHERE id = \(id) AND delivered_at IS NULL AND canceled_at IS NULL", plan: .cached)
    }

    /// Makes the waiting messages of `subscriber` due now (its endpoint just changed), in the
    /// caller's transaction. Parked messages stay parked for an operator.
    public static func wake(subscriber: String, on connection: PostgresConnection) throws {
        try connection.query(
            """
            UPDATE outbox SET next_attempt_at = now()
            WHERE subscriber = \(subscriber) AND delivered_at IS NULL AND canceled_at IS NULL AND parked_at IS NULL
            """)
    }

    /// One page of messages oldest first: undelivered ones (pending or parked), or every message
    /// still kept when `includeDelivered`.
    public static func list(
        includeDelivered: Bool, after: PageToken?, limit: Int, on pool: PostgresPool
    ) async throws -> (messages: [OutboxMessage], hasMore: Bool) {
        let afterCreated = after?.time(0)
        let afterID = after.flatMap { UUID(uuidString: $0.text(1)) }
        let rows = try await pool.withConnection { connection in
            if includeDelivered {
                return try connection.query(
                    """
                    SELECT \(unescaped: OutboxMessage.columns) FROM outbox
                    WHERE (\(afterCreated)::timestamptz IS NULL OR (created_at, id) > (\(afterCreated), \(afterID)))
                    ORDER BY created_at, id LIMIT \(limit + 1)
                    """)
            }
            return try connection.query(
                """
                SELECT \(unescaped: OutboxMessage.columns) FROM outbox
                WHERE delivered_at IS NULL AND canceled_at IS NULL
                  AND (\(afterCreated)::timestamptz IS NULL OR (created_at, id) > (\(afterCreated), \(afterID)))
                ORDER BY created_at, id LIMIT \(limit + 1)
                """)
        }
        let messages = try rows.map(OutboxMessage.init(row:))
        return (Array(messages.prefix(limit)), messages.count > limit)
    }

    /// How many messages wait for delivery and how many are parked: a scan of the undelivered rows
    /// only (a partial index), however many delivered ones the table keeps.
    public static func backlog(on pool: PostgresPool) async throws -> (pending: Int, parked: Int) {
        let rows = try await pool.query(
            """
            SELECT count(*) FILTER (WHERE parked_at IS NULL) AS pending, count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
            FROM outbox WHERE delivered_at IS NULL AND canceled_at IS NULL
            """)
        guard let row = rows.first else { return (0, 0) }
        return (try row.decode("pending"), try row.decode("parked"))
    }

    /// Puts a parked or waiting message back in line now; `nil` when no undelivered message has that id.
    public static func retry(id: UUID, on pool: PostgresPool) async throws -> OutboxMessage? {
        try await pool.withConnection { connection in
            let rows = try connection.query(
                """
                UPDATE outbox SET parked_at = NULL, next_attempt_at = now()
                WHERE id = \(id) AND delivered_at IS NULL AND canceled_at IS NULL
                RETURNING \(unescaped: OutboxMessage.columns)
                """)
            return try rows.first.map(OutboxMessage.init(row:))
        }
    }

    /// Deletes delivered and canceled messages and applied inbox keys older than `retention`, in
    /// batches so no statement holds many locks; returns how many rows went. Parked messages stay
    /// until an operator retries them.
    @discardableResult
    public static func purge(olderThan retention: Duration, on pool: PostgresPool, batchSize: Int = 1000) async throws -> Int {
        let seconds = Double(retention.components.seconds)
        var removed = 0
        for statement: PostgresQuery in [
            """
            DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
                WHERE delivered_at < now() - make_interval(secs => \(seconds)) LIMIT \(batchSize))
            """,
            """
            DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
                WHERE canceled_at < now() - make_interval(secs => \(seconds)) LIMIT \(batchSize))
            """,
            """
            DELETE FROM inbox WHERE idempotency_key IN (SELECT idempotency_key FROM inbox
                WHERE applied_at < now() - make_interval(secs => \(seconds)) LIMIT \(batchSize))
            """,
        ] {
            while true {
                let count = try await pool.query(statement).affectedRows
                removed += count
                if count < batchSize { break }
            }
        }
        return removed
    }
}
