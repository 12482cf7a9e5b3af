import RPC

/// The one place classification's errors become Connect errors.
extension ClassificationError: ConnectErrorConvertible {
    /// The error as a Connect client sees it.
    var connectError: ConnectError {
        switch self {
        case .invalidFields(let violations): .invalidArgument(violations)
        case .invalidDescription(let reason): .invalidArgument(field: "description", reason.description)
        case .decisionNotFound(let callID): ConnectError(.notFound, "no decision for call \(callID)")
        case .notInReview(let callID): ConnectError(.failedPrecondition, "call \(callID) is not waiting for review")
        case .catalogueVersionExists(let version): ConnectError(.alreadyExists, "catalogue version \(version) is already published")
        case .catalogueVersionNotFound(let version): ConnectError(.notFound, "no catalogue version \(version)")
        case .resourceMissing: ConnectError(.internal, "internal error")
        }
    }
}
