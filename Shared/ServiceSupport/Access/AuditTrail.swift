import Foundation
import Postgres

/// The append-only audit trail of a service (`audit`, the `access` component): who read a caller's
/// personal data, who changed a ticket, a key, a rule or the catalogue. An entry is written in the
/// transaction of what it records, so one never exists without the other.
public enum AuditTrail {
    /// One entry.
    public struct Entry: Sendable, Equatable {
        public var id: UUID
        public var at: Date
        public var actor: String
        public var action: String
        public var target: String
        public var detail: String
    }

    /// The current caller as the trail names it: the key's label and id, or `system` for work the
    /// service does on its own (clocks, hand-offs from a peer without keys).
    public static var actor: String { Principal.current?.name ?? "system" }

    /// Records `action` on `target` by the current caller.
    public static func record(_ action: String, target: String, detail: String = "", on connection: PostgresConnection) throws {
        try connection.query(
            "INSERT INTO audit (id, actor, action, target, detail) VALUES (\(UUID()), \(actor), \(action), \(target), \(detail))", plan: .cached)
    }

    /// Entries newest first, after the page position `(at, id)`, at most `limit` (+1 to tell more).
    public static func list(
        action: String, target: String, before: (Date, UUID)?, limit: Int, on connection: PostgresConnection
    ) throws -> [Entry] {
        try connection.query(
            """
            SELECT id, at, actor, action, target, detail FROM audit
            WHERE (\(action) = '' OR action = \(action)) AND (\(target) = '' OR target = \(target))
              AND (\(before == nil) OR (at, id) < (\(before?.0 ?? Date()), \(before?.1 ?? UUID())))
            ORDER BY at DESC, id DESC LIMIT \(limit + 1)
            """
        ).map { row in
            Entry(
                id: try row.decode("id"), at: try row.decode("at"), actor: try row.decode("actor"), action: try row.decode("action"),
                target: try row.decode("target"), detail: try row.decode("detail"))
        }
    }
}
