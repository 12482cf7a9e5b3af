/// 分级管理: how soon a ticket is served. Raw values are those of `fenliu.routing.v1.Priority`, and a
/// lower value is served first, so queues sort on the raw value.
public enum TicketPriority: Int, CaseIterable, Sendable, Codable, Hashable, Comparable {
    /// Police, fire or medical: a life may depend on it.
    case emergency = 1
    /// Diverted from 110 to 12345: 自动置顶, dispatched before everything of lower priority.
    case pinned = 2
    /// Marked urgent by the operator.
    case urgent = 3
    /// Everything else.
    case normal = 4

    /// The stable API code, e.g. `PINNED`.
    public var code: String {
        switch self {
        case .emergency: "EMERGENCY"
        case .pinned: "PINNED"
        case .urgent: "URGENT"
        case .normal: "NORMAL"
        }
    }

    /// The priority for an API code, or `nil`.
    public init?(code: String) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    public static func < (lhs: TicketPriority, rhs: TicketPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
