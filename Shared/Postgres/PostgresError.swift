/// An error from PostgreSQL or from talking to it.
///
/// Descriptions carry the server's primary message and SQLSTATE but never the values bound to a
/// query, so they are safe to log; they are still not meant for API clients.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// A connection could not be opened.
        public static let connectionFailed = Code("connectionFailed")
        /// An open connection broke (server restarted, network dropped).
        public static let connectionLost = Code("connectionLost")
        /// The server rejected a statement; `sqlState` says why.
        public static let queryFailed = Code("queryFailed")
        /// A value in a result could not be read as the requested type.
        public static let decodingFailed = Code("decodingFailed")
        /// The configuration (URL, schema name) is not usable.
        public static let invalidConfiguration = Code("invalidConfiguration")
        /// The pool was shut down.
        public static let poolClosed = Code("poolClosed")
        /// A value cannot be sent (text with a NUL character, which PostgreSQL cannot store).
        public static let invalidValue = Code("invalidValue")
        /// The request's deadline passed (before the statement, or `statement_timeout` cut it short).
        public static let deadlineExceeded = Code("deadlineExceeded")

        public var description: String { name }
    }

    /// What kind of failure this is.
    public let code: Code
    /// The five-character SQLSTATE, e.g. `42601` for a syntax error, when the server sent one.
    public let sqlState: String?
    /// The server's or the library's message, without bound values.
    public let message: String

    /// Creates an error.
    public init(code: Code, sqlState: String? = nil, message: String) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
    }

    /// Whether the server refused the statement because a unique constraint was violated.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// Whether the server or the network is the problem (not the statement): retrying later may work.
    /// Class 08 (connection exceptions), 53300 (too many connections) and 57P01–57P03 (shutting down,
    /// crashed, starting up) count, as do failures to connect or a connection lost mid-statement.
    public var isUnavailable: Bool {
        if code == .connectionFailed || code == .connectionLost || code == .poolClosed { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || sqlState == "53300" || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// Whether the statement ran out of time (`statement_timeout`, SQLSTATE 57014) or never started
    /// because the deadline had passed.
    public var isTimeout: Bool { code == .deadlineExceeded || sqlState == "57014" }

    /// Whether the transaction lost a race it may win on retry (serialization failure, deadlock).
    public var isConflict: Bool { sqlState == "40001" || sqlState == "40P01" }

    /// Whether the statement was refused for lack of privileges.
    public var isPermissionDenied: Bool { sqlState == "42501" }

    public var description: String {
        if let sqlState { return "PostgresError(\(code), SQLSTATE \(sqlState)): \(message)" }
        return "PostgresError(\(code)): \(message)"
    }
}
