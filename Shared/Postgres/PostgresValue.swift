import Foundation

/// A Swift value that can be sent as a query parameter in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The value as PostgreSQL reads it in text format.
    var postgresText: String { get }
}

/// A Swift value that can be read from a result column in PostgreSQL's text format.
public protocol PostgresDecodable: Sendable {
    /// Reads the value from its text form, or returns `nil` when the text is not one.
    init?(postgresText: String)
}

extension String: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { self }
    public init?(postgresText: String) { self = postgresText }
}

extension Int: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { String(self) }
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Int64: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { String(self) }
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Int32: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { String(self) }
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Double: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { String(self) }
    public init?(postgresText: String) { self.init(postgresText) }
}

extension Bool: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { self ? "t" : "f" }
    public init?(postgresText: String) {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

extension UUID: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { uuidString.lowercased() }
    /// PostgreSQL's own form (8-4-4-4-12 hex digits) read by hand — Foundation's parser cost ~0.5 µs
    /// a value through `sscanf`, and rows carry several ids (BENCHMARKS.md, stop 23); anything else
    /// goes to Foundation.
    public init?(postgresText: String) {
        guard postgresText.utf8.count == 36 else {
            self.init(uuidString: postgresText)
            return
        }
        let parsed: uuid_t? =
            postgresText.utf8.withContiguousStorageIfAvailable { text -> uuid_t? in
                var bytes = [UInt8](repeating: 0, count: 16)
                var index = 0
                for byte in 0..<16 {
                    if index == 8 || index == 13 || index == 18 || index == 23 {
                        guard text[index] == UInt8(ascii: "-") else { return nil }
                        index += 1
                    }
                    guard let high = Hex.value(of: text[index]), let low = Hex.value(of: text[index + 1]) else { return nil }
                    bytes[byte] = high << 4 | low
                    index += 2
                }
                return (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10], bytes[11],
                    bytes[12], bytes[13], bytes[14], bytes[15]
                )
            } ?? nil
        guard let parsed else {
            self.init(uuidString: postgresText)
            return
        }
        self.init(uuid: parsed)
    }
}

extension Data: PostgresEncodable, PostgresDecodable {
    /// `bytea` in hex format.
    public var postgresText: String { "\\x" + Hex.encode(self) }

    public init?(postgresText: String) {
        guard postgresText.hasPrefix("\\x"), let bytes = Hex.decode(postgresText.utf8.dropFirst(2)) else { return nil }
        self.init(bytes)
    }
}

extension Date: PostgresEncodable, PostgresDecodable {
    /// `timestamptz` as ISO 8601 in UTC with microseconds, PostgreSQL's own precision.
    public var postgresText: String { PostgresTimestamp.format(self) }

    public init?(postgresText: String) {
        guard let date = PostgresTimestamp.parse(postgresText) else { return nil }
        self = date
    }
}
