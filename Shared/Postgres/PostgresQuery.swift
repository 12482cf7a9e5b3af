/// A SQL statement whose interpolated values become `$n` parameters.
///
/// `"SELECT * FROM calls WHERE id = \(id)"` sends `SELECT * FROM calls WHERE id = $1` with `id` bound,
/// so values never enter the SQL text. Use `\(unescaped: ...)` only for identifiers the code itself
/// chose, never for input.
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation {
    /// The SQL text with `$n` placeholders.
    public var sql: String
    /// The bound values in text format; `nil` is SQL NULL.
    public var binds: [String?]

    /// Creates a query from SQL text and already-encoded binds.
    public init(sql: String, binds: [String?] = []) {
        self.sql = sql
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.init(sql: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(sql: stringInterpolation.sql, binds: stringInterpolation.binds)
    }

    /// Appends a value as the next parameter.
    public mutating func bind(_ value: (some PostgresEncodable)?) -> String {
        binds.append(value?.postgresText)
        return "$\(binds.count)"
    }

    /// Appends a multi-row VALUES list, `($1, $2), ($3, $4)`, each row's values bound in order
    /// (`nil` is NULL): several rows in one statement, inserted in the order given.
    public mutating func appendValues<Row>(of rows: [Row], _ values: (Row) -> [(any PostgresEncodable)?]) {
        var tuples = [String]()
        for row in rows {
            var placeholders = [String]()
            for value in values(row) {
                if let value { placeholders.append(bind(value)) } else { placeholders.append(bind(String?.none)) }
            }
            tuples.append("(" + placeholders.joined(separator: ", ") + ")")
        }
        sql += tuples.joined(separator: ", ")
    }

    /// Builds the SQL text and binds of a `PostgresQuery` literal.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds a value as a parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            binds.append(value.postgresText)
            sql += "$\(binds.count)"
        }

        /// Binds an optional value; `nil` becomes NULL.
        public mutating func appendInterpolation(_ value: (some PostgresEncodable)?) {
            binds.append(value?.postgresText)
            sql += "$\(binds.count)"
        }

        /// Inserts SQL text as is: only for identifiers and fragments the code chose itself.
        public mutating func appendInterpolation(unescaped fragment: String) {
            sql += fragment
        }
    }
}
