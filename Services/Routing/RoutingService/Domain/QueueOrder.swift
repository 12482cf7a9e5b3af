import FenliuModel
import Foundation

/// The order of a queue (`ListTickets`): priority first (EMERGENCY, PINNED, URGENT, NORMAL), then
/// age, oldest first, then id so that pages never overlap. Storage sorts the same way in SQL.
public struct QueueKey: Sendable, Hashable, Comparable {
    /// The ticket's priority.
    public var priority: TicketPriority
    /// When the ticket was created.
    public var createdAt: Date
    /// The ticket's id, the tie-breaker.
    public var id: String

    /// Creates a key.
    public init(priority: TicketPriority, createdAt: Date, id: String) {
        self.priority = priority
        self.createdAt = createdAt
        self.id = id
    }

    public static func < (lhs: QueueKey, rhs: QueueKey) -> Bool {
        (lhs.priority.rawValue, lhs.createdAt, lhs.id) < (rhs.priority.rawValue, rhs.createdAt, rhs.id)
    }
}
