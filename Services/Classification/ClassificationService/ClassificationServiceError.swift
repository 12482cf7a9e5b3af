import RPC

/// What can go wrong in the classification service, mapped to Connect in one place.
enum ClassificationServiceError: Error, ConnectErrorConvertible {
    case invalidDescription(String)
    case decisionNotFound(String)
    case notInReview(String)
    case catalogueVersionExists(String)
    case catalogueVersionNotFound(String)
    case resourceMissing(String)

    var connectError: ConnectError {
        switch self {
        case .invalidDescription(let reason): .invalidArgument(field: "description", reason)
        case .decisionNotFound(let callID): ConnectError(.notFound, "no decision for call \(callID)")
        case .notInReview(let callID): ConnectError(.failedPrecondition, "call \(callID) is not waiting for review")
        case .catalogueVersionExists(let version): ConnectError(.alreadyExists, "catalogue version \(version) is already published")
        case .catalogueVersionNotFound(let version): ConnectError(.notFound, "no catalogue version \(version)")
        case .resourceMissing: ConnectError(.internal, "internal error")
        }
    }
}
