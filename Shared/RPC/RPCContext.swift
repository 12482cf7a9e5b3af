import HTTPTypes
import Logging

/// What a handler knows about the call it is serving, besides the request message.
public struct RPCContext: Sendable {
    /// The method's path, e.g. `/fenliu.intake.v1.IntakeService/SubmitCall`.
    public let path: String
    /// The request's header fields.
    public let headers: HTTPFields
    /// When the caller stops waiting (`Connect-Timeout-Ms`), if it said.
    public let deadline: ContinuousClock.Instant?
    /// A logger with the call's metadata.
    public let logger: Logger

    /// Creates a context (the server does; tests may too).
    public init(path: String, headers: HTTPFields = [:], deadline: ContinuousClock.Instant? = nil, logger: Logger) {
        self.path = path
        self.headers = headers
        self.deadline = deadline
        self.logger = logger
    }

    /// The first value of a header field.
    public func header(_ name: String) -> String? {
        guard let fieldName = HTTPField.Name(name) else { return nil }
        return headers[fieldName]
    }

    /// The `Idempotency-Key` a sender put on the call (the outbox sets its message id there).
    public var idempotencyKey: String? {
        guard let key = header("Idempotency-Key")?.trimmingSpaces, !key.isEmpty else { return nil }
        return key
    }
}

/// Told about every call a server answers, for metrics.
public protocol RPCObserver: Sendable {
    /// One call to `path` ended with `code` (`nil` for success) after `duration`.
    func callEnded(path: String, code: ConnectCode?, duration: Duration)
}

extension String {
    var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
