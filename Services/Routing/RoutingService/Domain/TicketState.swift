/// Where a ticket stands. Raw values are the `fenliu.common.v1.TicketStatus` codes; routing sets the
/// states it owns (dispatch, return, arbitration), the feedback service moves tickets on from there.
public enum TicketState: String, CaseIterable, Sendable, Hashable {
    /// Waiting at the 12345 centre for a person to pick a department.
    case pendingAssignment = "PENDING_ASSIGNMENT"
    /// Sent to the responsible department or agency.
    case dispatched = "DISPATCHED"
    /// 签收 by the department.
    case signedFor = "SIGNED_FOR"
    /// Being handled.
    case inProgress = "IN_PROGRESS"
    /// 延期 granted.
    case extended = "EXTENDED"
    /// 办结, waiting for the satisfaction callback.
    case resolved = "RESOLVED"
    /// 退单 by the department.
    case returned = "RETURNED"
    /// Returned too often; the 12345 centre decides.
    case inArbitration = "IN_ARBITRATION"
    /// Caller satisfied or callback done.
    case closed = "CLOSED"
    /// Caller dissatisfied.
    case reopened = "REOPENED"

    /// Whether the matter is finished as far as assignment goes: nobody may return or reassign it.
    public var isFinished: Bool { self == .resolved || self == .closed }
}
