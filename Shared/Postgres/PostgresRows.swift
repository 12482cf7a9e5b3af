/// The rows a statement returned, in PostgreSQL's text format, copied out of the C result.
public struct PostgresRows: Sendable, Sequence {
    /// Column names in result order.
    public let columns: [String]
    /// Each row's values; `nil` is SQL NULL.
    public let values: [[String?]]
    /// Rows the statement changed (`INSERT`, `UPDATE`, `DELETE`), or 0.
    public let affectedRows: Int

    private let columnIndex: [String: Int]

    init(columns: [String], values: [[String?]], affectedRows: Int) {
        self.columns = columns
        self.values = values
        self.affectedRows = affectedRows
        var index = [String: Int]()
        for (position, name) in columns.enumerated() where index[name] == nil {
            index[name] = position
        }
        self.columnIndex = index
    }

    /// The number of rows.
    public var count: Int { values.count }

    /// Whether no row came back.
    public var isEmpty: Bool { values.isEmpty }

    /// The first row, if any.
    public var first: PostgresRow? { values.isEmpty ? nil : PostgresRow(rows: self, index: 0) }

    public func makeIterator() -> AnyIterator<PostgresRow> {
        var position = 0
        return AnyIterator {
            guard position < values.count else { return nil }
            defer { position += 1 }
            return PostgresRow(rows: self, index: position)
        }
    }

    func position(of column: String) -> Int? { columnIndex[column] }
}

/// One row of `PostgresRows`.
public struct PostgresRow: Sendable {
    let rows: PostgresRows
    let index: Int

    /// The raw text of a column, `nil` for NULL or an unknown column.
    public subscript(_ column: String) -> String? {
        guard let position = rows.position(of: column) else { return nil }
        return rows.values[index][position]
    }

    /// Reads a non-NULL column as `T`.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let position = rows.position(of: column) else {
            throw PostgresError(code: .decodingFailed, message: "no column \"\(column)\" in the result")
        }
        guard let text = rows.values[index][position] else {
            throw PostgresError(code: .decodingFailed, message: "column \"\(column)\" is NULL")
        }
        guard let value = T(postgresText: text) else {
            throw PostgresError(code: .decodingFailed, message: "column \"\(column)\" is not a \(T.self)")
        }
        return value
    }

    /// Reads a column that may be NULL as `T?`.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T?.Type) throws -> T? {
        guard let position = rows.position(of: column) else {
            throw PostgresError(code: .decodingFailed, message: "no column \"\(column)\" in the result")
        }
        guard let text = rows.values[index][position] else { return nil }
        guard let value = T(postgresText: text) else {
            throw PostgresError(code: .decodingFailed, message: "column \"\(column)\" is not a \(T.self)")
        }
        return value
    }
}

extension PostgresRow {
    /// Reads a text column as one of an enum's known values; an unknown value is an error, never a
    /// silent default, so a row written by a newer version (or by hand) is noticed.
    public func decode<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        let text: String = try decode(column)
        guard let value = T(rawValue: text) else {
            throw PostgresError(code: .decodingFailed, message: "column \"\(column)\" holds an unknown \(T.self)")
        }
        return value
    }

    /// Reads a text column that may be NULL as one of an enum's known values.
    public func decode<T: RawRepresentable>(_ column: String, as type: T?.Type) throws -> T? where T.RawValue == String {
        guard let text = try decode(column, as: String?.self) else { return nil }
        guard let value = T(rawValue: text) else {
            throw PostgresError(code: .decodingFailed, message: "column \"\(column)\" holds an unknown \(T.self)")
        }
        return value
    }

    /// Reads an integer column as one of an enum's known values.
    public func decode<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == Int {
        let number: Int = try decode(column)
        guard let value = T(rawValue: number) else {
            throw PostgresError(code: .decodingFailed, message: "column \"\(column)\" holds an unknown \(T.self)")
        }
        return value
    }
}
