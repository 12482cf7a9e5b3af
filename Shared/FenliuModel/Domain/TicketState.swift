/// Where a ticket stands. Raw values are the `fenliu.common.v1.TicketStatus` codes, in the proto's
/// order. Routing sets the states of assignment (pending, dispatched, arbitration); feedback moves
/// a ticket on from there and tells routing, so both always end with the same state.
public enum TicketState: String, CaseIterable, Sendable, Hashable, Codable {
    /// Waiting at the 12345 centre for a person to pick a department.
    case pendingAssignment = "PENDING_ASSIGNMENT"
    /// Sent to the responsible department or agency.
    case dispatched = "DISPATCHED"
    /// 签收 by the holder.
    case accepted = "ACCEPTED"
    /// Being handled.
    case inProgress = "IN_PROGRESS"
    /// 延期 granted; the resolve deadline moved.
    case extended = "EXTENDED"
    /// 办结, waiting for the satisfaction callback.
    case resolved = "RESOLVED"
    /// 退单 by the holder; routing reassigns it.
    case returned = "RETURNED"
    /// Returned too often; the 12345 centre decides.
    case inArbitration = "IN_ARBITRATION"
    /// Finished.
    case closed = "CLOSED"
    /// The caller was not satisfied: back to the same holder.
    case reopened = "REOPENED"
    /// 回访 done, or the caller stayed unreachable.
    case callbackDone = "CALLBACK_DONE"
    /// The holder asked the 12345 centre for more time.
    case extensionRequested = "EXTENSION_REQUESTED"

    /// Whether the matter has been dealt with: nobody may return or reassign it, and a repeat call
    /// about the same incident opens a new ticket instead of joining this one.
    public var isFinished: Bool { self == .resolved || self == .callbackDone || self == .closed }
}
