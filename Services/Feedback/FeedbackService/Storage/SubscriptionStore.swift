import FenliuModel
import Foundation
import Postgres

/// A subscription: where status changes go, and what it follows.
struct Subscription: Sendable, Equatable {
    /// What a subscription follows: exactly one of these.
    enum Scope: Sendable, Equatable {
        /// Every ticket of calls that came in on this line.
        case channel(Channel)
        /// Every ticket a department holds (or, for the 12345 centre and 110, supervises).
        case department(String)
        /// Every ticket of one call (or of the incident it started).
        case call(String)
    }

    var id: String
    var url: String
    var scope: Scope
    var createdAt: Date
}

/// The subscriptions table. The secret is write-only: read only to sign deliveries.
enum SubscriptionStore {
    static func insert(_ subscription: Subscription, secret: String, createdBy owner: String = "", on connection: PostgresConnection) throws {
        var channel: String?
        var department: String?
        var call: String?
        switch subscription.scope {
        case .channel(let value): channel = value.code
        case .department(let value): department = value
        case .call(let value): call = value
        }
        try connection.query(
            """
            INSERT INTO subscriptions (id, url, secret, channel, department_id, call_id, created_at, created_by)
            VALUES (\(subscription.id), \(subscription.url), \(secret), \(channel), \(department), \(call), \(subscription.createdAt), \(owner))
            """)
    }

    /// Adds each `(channel, url)` subscription that does not exist yet (start-up defaults); replicas
    /// starting together add each once.
    static func ensure(_ wanted: [(channel: Channel, url: String)], secret: String, at now: Date, on connection: PostgresConnection) throws {
        try connection.query("SELECT pg_advisory_xact_lock(hashtext('feedback.default-subscriptions'))")
        for (channel, url) in wanted {
            let exists = try !connection.query("SELECT 1 FROM subscriptions WHERE channel = \(channel.code) AND url = \(url)").isEmpty
            if !exists {
                try insert(Subscription(id: UUID().uuidString.lowercased(), url: url, scope: .channel(channel), createdAt: now), secret: secret, on: connection)
            }
        }
    }

    /// Whose subscriptions a restricted key may list and remove: those its owner made, and those no
    /// key made (the start-up defaults, and any made before owners were kept) for a line or a
    /// department it speaks for — a line's system may stop its own default feed.
    struct Holder: Sendable {
        /// The first key of the caller's rotations (`Principal.owner`).
        var owner: String
        /// The caller's channels and departments as `text[]` literals (`Visibility`).
        var channels: String
        var departments: String
    }

    /// Removes a subscription `holder` may remove (any, when `holder` is `nil`: a key that sees
    /// everything); returns whether it existed for them.
    static func delete(_ id: String, holder: Holder?, on connection: PostgresConnection) throws -> Bool {
        guard let holder else { return try connection.query("DELETE FROM subscriptions WHERE id = \(id)").affectedRows == 1 }
        return try connection.query(
            """
            DELETE FROM subscriptions WHERE id = \(id) AND (created_by = \(holder.owner) OR (created_by = ''
                AND (channel = ANY(\(holder.channels)::text[]) OR department_id = ANY(\(holder.departments)::text[]))))
            """
        ).affectedRows == 1
    }

    /// The subscriptions `holder` may see, or every one when `holder` is `nil`.
    static func all(holder: Holder?, on connection: PostgresConnection) throws -> [Subscription] {
        guard let holder else { return try connection.query("SELECT * FROM subscriptions ORDER BY created_at, id").map(SubscriptionRow.subscription) }
        return try connection.query(
            """
            SELECT * FROM subscriptions WHERE created_by = \(holder.owner) OR (created_by = ''
                AND (channel = ANY(\(holder.channels)::text[]) OR department_id = ANY(\(holder.departments)::text[])))
            ORDER BY created_at, id
            """
        ).map(SubscriptionRow.subscription)
    }

    /// The subscriptions an event of `ticket` concerns: its line, its holder (and, for a notice to
    /// the supervising office, that office), its call or incident.
    static func matching(
        _ ticket: FeedbackTicket, departments: [String], on connection: PostgresConnection
    ) throws -> [Subscription] {
        let list = "{" + departments.map { "\"\($0)\"" }.joined(separator: ",") + "}"
        // One lookup per kind of subscription, each along its own partial index, so the plan does
        // not depend on the values and is kept (an OR across the three columns would not be). A
        // subscription has exactly one kind (a CHECK), so no row comes from two branches.
        return try connection.query(
            """
            SELECT * FROM subscriptions WHERE channel = \(ticket.origin?.code ?? "")
            UNION ALL SELECT * FROM subscriptions WHERE department_id = ANY(\(list)::text[])
            UNION ALL SELECT * FROM subscriptions WHERE call_id = \(ticket.callID) OR call_id = \(ticket.incidentID)
            ORDER BY created_at, id
            """, plan: .cached
        ).map(SubscriptionRow.subscription)
    }

    /// Where a subscription's deliveries go now, and the secret that signs them.
    static func endpoint(of id: String, on connection: PostgresConnection) throws -> (url: String, secret: String)? {
        guard let row = try connection.query("SELECT url, secret FROM subscriptions WHERE id = \(id)", plan: .cached).first else { return nil }
        return (try row.decode("url"), try row.decode("secret"))
    }
}

/// The mapping between a subscription and its row.
enum SubscriptionRow {
    static func subscription(_ row: PostgresRow) throws -> Subscription {
        let scope: Subscription.Scope
        if let channel = try row.decode("channel", as: Channel?.self) {
            scope = .channel(channel)
        } else if let department = try row.decode("department_id", as: String?.self) {
            scope = .department(department)
        } else if let call = try row.decode("call_id", as: String?.self) {
            scope = .call(call)
        } else {
            throw PostgresError(code: .decodingFailed, message: "a subscription follows nothing")
        }
        return Subscription(id: try row.decode("id"), url: try row.decode("url"), scope: scope, createdAt: try row.decode("created_at"))
    }
}
