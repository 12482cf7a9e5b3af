/// Where a ticket stands. Raw values are the `fenliu.common.v1.TicketStatus` codes; routing sets the
/// states it owns (dispatch, return, arbitration), the feedback service moves tickets on from there.
public enum TicketState: String, CaseIterable, Sendable, Hashable {
    case pendingAssignment = "PENDING_ASSIGNMENT"
    case dispatched = "DISPATCHED"
    case signedFor = "SIGNED_FOR"
    case inProgress = "IN_PROGRESS"
    case extended = "EXTENDED"
    case resolved = "RESOLVED"
    case returned = "RETURNED"
    case inArbitration = "IN_ARBITRATION"
    case closed = "CLOSED"
    case reopened = "REOPENED"

    /// Whether the matter is finished as far as assignment goes: nobody may return or reassign it.
    public var isFinished: Bool { self == .resolved || self == .closed }
}
