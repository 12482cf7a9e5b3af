import Foundation

/// A CSV file people open in Excel (RFC 4180): UTF-8 with a byte-order mark, so Excel reads the
/// Chinese as Chinese; CRLF line ends; a field with a comma, quote or line break quoted, quotes
/// doubled. A text field that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'`, so a spreadsheet shows it instead of running it as a formula (CSV injection);
/// numbers are written as numbers.
struct CSVTable: Sendable {
    /// A field: text (guarded) or a number.
    enum Field: Sendable, ExpressibleByStringLiteral {
        case text(String)
        case number(String)

        init(stringLiteral value: String) { self = .text(value) }

        static func integer<T: BinaryInteger>(_ value: T) -> Field { .number(String(value)) }

        /// A rate with four decimals, or empty when there is nothing to divide.
        static func rate(_ ratio: Ratio) -> Field { ratio.isEmpty ? .text("") : .number(String(format: "%.4f", ratio.value)) }
    }

    /// The UTF-8 byte-order mark.
    static let byteOrderMark = "\u{FEFF}"

    private(set) var rows: [[Field]]

    init(header: [String]) { rows = [header.map(Field.text)] }

    mutating func append(_ row: [Field]) { rows.append(row) }

    /// The file's text, BOM first.
    var rendered: String {
        var text = Self.byteOrderMark
        for row in rows {
            text += row.map(Self.encode).joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    static func encode(_ field: Field) -> String {
        switch field {
        case .number(let value):
            return value
        case .text(var value):
            if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
            // By scalar: "\r\n" is one Character, and would not equal "\n".
            guard value.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
