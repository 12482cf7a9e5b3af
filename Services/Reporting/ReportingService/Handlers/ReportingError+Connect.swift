import FenliuModel
import RPC

/// The one place reporting's errors become Connect errors.
extension ReportingError: ConnectErrorConvertible {
    /// The error as a Connect client sees it.
    var connectError: ConnectError {
        switch self {
        case .invalidFields(let violations):
            .invalidArgument(violations)
        }
    }
}
