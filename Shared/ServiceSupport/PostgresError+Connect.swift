import Postgres
import RPC

/// Database failures as a client sees them: the database being unreachable is `unavailable` (a
/// client or an outbox retries), a statement cut short by the caller's deadline is
/// `deadline_exceeded`, a lost race is `aborted`; anything else is `internal`, logged in full by the
/// server and never shown.
extension PostgresError: ConnectErrorConvertible {
    public var connectError: ConnectError {
        if isUnavailable { return ConnectError(.unavailable, "the database is unavailable; try again") }
        if isTimeout { return ConnectError(.deadlineExceeded, "the call did not finish within Connect-Timeout-Ms") }
        if isConflict { return ConnectError(.aborted, "the change collided with another one; try again") }
        if code == .invalidValue { return ConnectError(.invalidArgument, "text must not contain NUL characters") }
        return ConnectError(.internal, "internal error")
    }
}
