import FenliuModel
import RPC

/// The one place feedback's errors become Connect errors.
extension FeedbackError: ConnectErrorConvertible {
    /// The error as a Connect client sees it.
    var connectError: ConnectError {
        switch self {
        case .invalidFields(let violations):
            .invalidArgument(violations)
        case .ticketNotFound(let id):
            ConnectError(.notFound, "no ticket \"\(id)\"")
        case .subscriptionNotFound(let id):
            ConnectError(.notFound, "no subscription \"\(id)\"")
        case .illegalTransition(let ticketID, let current, let wanted):
            ConnectError(.failedPrecondition, "ticket \(ticketID) is \(current.rawValue): \(wanted) cannot follow")
        case .notApplicable(let message):
            ConnectError(.failedPrecondition, message)
        }
    }
}
