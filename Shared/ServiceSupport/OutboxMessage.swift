import Foundation
import Postgres

/// One message in a service's outbox, as the admin API and the delivery worker see it.
public struct OutboxMessage: Sendable {
    /// The message id, also sent as `Idempotency-Key`.
    public let id: UUID
    /// Peer service name, or `webhook`.
    public let target: String
    /// The peer's RPC path; empty for webhooks, whose URL is resolved when sent.
    public let path: String
    /// The JSON body.
    public let body: String
    /// For webhooks: who receives it (a department id, a subscription id).
    public let subscriber: String?
    /// Delivery attempts so far (a claim counts one; the worker's outcome is tied to it).
    public let attempts: Int
    /// Why the last attempt failed, or why the message waits.
    public let lastError: String?
    /// When it was written.
    public let createdAt: Date
    /// When it is next due.
    public let nextAttemptAt: Date
    /// When a receiver acknowledged it.
    public let deliveredAt: Date?
    /// When it was set aside because the receiver refused it for good.
    public let parkedAt: Date?
    /// When it was withdrawn (its receiver changed before it was delivered).
    public let canceledAt: Date?

    /// `pending`, `parked`, `delivered` or `canceled`.
    public var state: String {
        if deliveredAt != nil { return "delivered" }
        if canceledAt != nil { return "canceled" }
        if parkedAt != nil { return "parked" }
        return "pending"
    }

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        target = try row.decode("target")
        path = try row.decode("path")
        body = try row.decode("body")
        subscriber = try row.decode("subscriber", as: String?.self)
        attempts = try row.decode("attempts")
        lastError = try row.decode("last_error", as: String?.self)
        createdAt = try row.decode("created_at")
        nextAttemptAt = try row.decode("next_attempt_at")
        deliveredAt = try row.decode("delivered_at", as: Date?.self)
        parkedAt = try row.decode("parked_at", as: Date?.self)
        canceledAt = try row.decode("canceled_at", as: Date?.self)
    }

    static let columns =
        "id, target, path, body, subscriber, attempts, last_error, created_at, next_attempt_at, delivered_at, parked_at, canceled_at"
}
