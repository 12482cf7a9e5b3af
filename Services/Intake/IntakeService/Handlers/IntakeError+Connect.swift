import RPC

/// The one place intake's errors become Connect errors.
extension IntakeError: ConnectErrorConvertible {
    /// The error as a Connect client sees it.
    var connectError: ConnectError {
        switch self {
        case .invalidFields(let problems):
            .invalidArgument(problems)
        case .callNotFound(let id):
            ConnectError(.notFound, "no call has id \(id)")
        case .externalIDConflict(let channel, let externalID, let existingCallID):
            ConnectError(
                .alreadyExists,
                "externalId \(externalID) on \(channel) was already used for call \(existingCallID) with different content; use a new externalId for a new call"
            )
        }
    }
}
