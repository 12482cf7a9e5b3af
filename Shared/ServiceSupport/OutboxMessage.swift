import Foundation
import Postgres

/// Where an outbox message goes.
public enum OutboxDestination: Sendable, Equatable {
    /// A Connect method of a peer service, e.g. `.peer(.routing, path: RoutingAPI.route.path)`.
    case peer(ServiceName, path: String)
    /// An external system's webhook, signed with the secret that `signingKey` names.
    case webhook(url: String, signingKey: String)

    var target: String {
        switch self {
        case .peer(let service, _): service.rawValue
        case .webhook: "webhook"
        }
    }
}

/// One message in a service's outbox, as the admin API and the delivery worker see it.
public struct OutboxMessage: Sendable {
    /// The message id, also sent as `Idempotency-Key`.
    public let id: UUID
    /// Peer service name, or `webhook`.
    public let target: String
    /// The peer's RPC path, or the webhook URL.
    public let path: String
    /// The JSON body.
    public let body: String
    /// For webhooks: which secret signs it.
    public let signingKey: String?
    /// Delivery attempts so far.
    public let attempts: Int
    /// Why the last attempt failed.
    public let lastError: String?
    /// When it was written.
    public let createdAt: Date
    /// When it is next due.
    public let nextAttemptAt: Date
    /// When a receiver acknowledged it.
    public let deliveredAt: Date?
    /// When it was set aside because the receiver refused it for good.
    public let parkedAt: Date?

    /// `pending`, `parked` or `delivered`.
    public var state: String {
        if deliveredAt != nil { return "delivered" }
        if parkedAt != nil { return "parked" }
        return "pending"
    }

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        target = try row.decode("target")
        path = try row.decode("path")
        body = try row.decode("body")
        signingKey = try row.decode("signing_key", as: String?.self)
        attempts = try row.decode("attempts")
        lastError = try row.decode("last_error", as: String?.self)
        createdAt = try row.decode("created_at")
        nextAttemptAt = try row.decode("next_attempt_at")
        deliveredAt = try row.decode("delivered_at", as: Date?.self)
        parkedAt = try row.decode("parked_at", as: Date?.self)
    }

    static let columns = "id, target, path, body, signing_key, attempts, last_error, created_at, next_attempt_at, delivered_at, parked_at"
}
