import RPC

/// Everything the routing service refuses, mapped to Connect codes in one place (`connectError`).
public enum RoutingError: Error, Sendable, Equatable {
    /// A request field is missing or wrong.
    case invalidField(String, String)
    /// Several request fields are wrong (rule validation reports every bad rule at once).
    case invalidFields([ConnectError.FieldViolation])
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
}

extension RoutingError: ConnectErrorConvertible {
    /// The error as a client sees it.
    public var connectError: ConnectError {
        switch self {
        case .invalidField(let field, let description):
            .invalidArgument(field: field, description)
        case .invalidFields(let violations):
            .invalidArgument(violations)
        case .ticketNotFound(let id):
            ConnectError(.notFound, "no ticket \"\(id)\"")
        case .departmentNotFound(let id):
            ConnectError(.notFound, "no department \"\(id)\"")
        case .rulesVersionNotFound(let version):
            ConnectError(.notFound, version.isEmpty ? "no routing rules have been published" : "no routing rules version \"\(version)\"")
        case .rulesVersionExists(let version):
            ConnectError(.alreadyExists, "routing rules version \"\(version)\" is already published; versions are never overwritten")
        case .precondition(let message):
            ConnectError(.failedPrecondition, message)
        }
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
