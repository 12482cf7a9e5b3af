import FenliuModel
import Foundation
import Logging

/// An error as the Connect protocol carries it: a code, a message for the caller, and details.
///
/// This is the only error type that reaches a client. Each service maps its own errors to it in one
/// place (`ConnectErrorConvertible`); anything else becomes `internal` with a fixed message.
public struct ConnectError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The status code.
    public var code: ConnectCode
    /// What went wrong, for the caller; never internal error text.
    public var message: String
    /// Fields that were wrong and why (sent as a `google.rpc.BadRequest` detail).
    public var fieldViolations: [FieldViolation]
    /// When to try again, in seconds (sent as `Retry-After`): a rate limit, a service shedding load.
    public var retryAfterSeconds: Int?

    /// Creates an error.
    public init(_ code: ConnectCode, _ message: String, fieldViolations: [FieldViolation] = [], retryAfterSeconds: Int? = nil) {
        self.code = code
        self.message = message
        self.fieldViolations = fieldViolations
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// An `invalid_argument` naming every wrong field in its message and details.
    public static func invalidArgument(_ violations: [FieldViolation]) -> ConnectError {
        let summary = violations.map { "\($0.field): \($0.description)" }.joined(separator: "; ")
        return ConnectError(.invalidArgument, summary, fieldViolations: violations)
    }

    /// An `invalid_argument` for one field.
    public static func invalidArgument(field: String, _ description: String) -> ConnectError {
        invalidArgument([FieldViolation(field: field, description: description)])
    }

    /// The answer of a method the service does not implement (yet).
    public static func unimplemented<Request, Response>(_ method: RPCMethod<Request, Response>) -> ConnectError {
        ConnectError(.unimplemented, "\(method.service)/\(method.name) is not implemented yet")
    }

    public var description: String { "ConnectError(\(code.rawValue)): \(message)" }

    /// What a client sees of `error`: a `ConnectErrorConvertible` its own error, a cancellation
    /// `canceled`, anything else `internal` with a fixed message. Internal failures are logged in
    /// full with `logger`, since the client never sees them.
    public static func answering(_ error: any Error, logger: Logger) -> ConnectError {
        switch error {
        case let error as any ConnectErrorConvertible:
            let connectError = error.connectError
            if connectError.code == .internal || connectError.code == .unknown || connectError.code == .dataLoss {
                logger.error("call failed", metadata: ["error": "\(error)"])
            }
            return connectError
        case is CancellationError:
            return ConnectError(.canceled, "the call was canceled")
        default:
            logger.error("call failed with an unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return ConnectError(.internal, "internal error")
        }
    }
}

/// An error that knows which `ConnectError` a client should see.
public protocol ConnectErrorConvertible: Error {
    /// The error as the client sees it.
    var connectError: ConnectError { get }
}

extension ConnectError: ConnectErrorConvertible {
    public var connectError: ConnectError { self }
}
