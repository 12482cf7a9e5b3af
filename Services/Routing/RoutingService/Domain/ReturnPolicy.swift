import FenliuModel

/// 退单: what happens when a department gives a work order back.
///
/// A returned order goes to the next department by the rules, or to the 12345 centre for manual
/// assignment when the chain is exhausted. After `maximumReturns` returns it stops bouncing and goes
/// to arbitration: the 12345 centre decides who must act.
public struct ReturnPolicy: Sendable, Hashable {
    /// Returns after which a ticket goes to arbitration (default 2).
    public var maximumReturns: Int

    /// Creates a policy.
    public init(maximumReturns: Int = 2) {
        self.maximumReturns = maximumReturns
    }

    /// The outcome of one return.
    public enum Outcome: Sendable, Hashable {
        /// Dispatched to the next responsible department.
        case reassigned(departmentID: String)
        /// Waiting at the 12345 centre for a person to assign it.
        case pendingAssignment
        /// Returned too often: the 12345 centre arbitrates.
        case arbitration
    }

    /// Why a return is refused.
    public enum Refusal: Error, Sendable, Hashable {
        /// Only 12345 work orders are returned between departments.
        case notAWorkOrder
        /// The ticket is finished, waiting at the centre, or already in arbitration.
        case notReturnable(TicketState)
        /// Only the department holding the ticket may return it.
        case notHeldBy(departmentID: String, holder: String)
    }

    /// Checks that `departmentID` may return the ticket now.
    public func check(kind: TicketKind, state: TicketState, holder: String, departmentID: String) throws(Refusal) {
        guard kind == .workOrder else { throw .notAWorkOrder }
        switch state {
        case .pendingAssignment, .inArbitration, .resolved, .closed:
            throw .notReturnable(state)
        default:
            break
        }
        guard holder == departmentID else { throw .notHeldBy(departmentID: departmentID, holder: holder) }
    }

    /// The outcome once the ticket has been returned `returnCount` times (this return included) and
    /// the rules name `next` as the following department.
    public func outcome(returnCount: Int, next: RuleResolver.Candidate) -> Outcome {
        if returnCount >= maximumReturns { return .arbitration }
        if next.departmentID == Department.municipalCentreID { return .pendingAssignment }
        return .reassigned(departmentID: next.departmentID)
    }
}
