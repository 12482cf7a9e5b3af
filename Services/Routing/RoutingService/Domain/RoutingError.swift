import FenliuModel

/// Everything the routing service refuses, in domain words; `RoutingError+Connect.swift` maps each
/// case to a Connect code in one place.
public enum RoutingError: Error, Sendable, Equatable {
    /// One or more request fields are wrong; every problem is listed.
    case invalidFields([FieldViolation])
    /// No ticket with this id.
    case ticketNotFound(String)
    /// No department with this id.
    case departmentNotFound(String)
    /// No routing rules with this version.
    case rulesVersionNotFound(String)
    /// A rules version with this name was already published.
    case rulesVersionExists(String)
    /// The ticket cannot be returned or assigned in its current state.
    case precondition(String)

    /// One wrong field.
    static func invalidField(_ field: String, _ description: String) -> RoutingError {
        .invalidFields([FieldViolation(field: field, description: description)])
    }
}

extension ReturnPolicy.Refusal {
    /// The refusal as a routing error.
    var routingError: RoutingError {
        switch self {
        case .notAWorkOrder:
            .precondition("only 12345 work orders can be returned; police tickets and alerts stay with their agency")
        case .notReturnable(let state):
            .precondition("a ticket in state \(state.rawValue) cannot be returned")
        case .notHeldBy(let departmentID, let holder):
            .precondition("the ticket is held by \"\(holder)\", not \"\(departmentID)\"; only its holder may return it")
        }
    }
}
