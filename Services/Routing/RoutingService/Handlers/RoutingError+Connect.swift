import RPC

/// The one place routing's errors become Connect errors.
extension RoutingError: ConnectErrorConvertible {
    /// The error as a client sees it.
    public var connectError: ConnectError {
        switch self {
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
