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
    /// PostgreSQL's own form (8-4-4-4-12 hex digits) read by hand, straight into the value's bytes —
    /// Foundation's parser cost ~0.5 µs a value through `sscanf`, and rows carry several ids
    /// (BENCHMARKS.md, stop 23); anything else goes to Foundation.
    public init?(postgresText: String) {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        guard withUnsafeMutableBytes(of: &uuid, { Self.readCanonical(postgresText.utf8, into: $0) }) else {
            self.init(uuidString: postgresText)
            return
        }
        self.init(uuid: uuid)
    }

    /// Whether `text` is 8-4-4-4-12 hex digits; if so, their 16 bytes are in `bytes`.
    private static func readCanonical(_ text: String.UTF8View, into bytes: UnsafeMutableRawBufferPointer) -> Bool {
        guard text.count == 36 else { return false }
        var filled = 0
        var high: UInt8?
        for (index, character) in text.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard character == UInt8(ascii: "-") else { return false }
                continue
            }
            guard let value = Hex.value(of: character) else { return false }
            if let first = high {
                bytes[filled] = first << 4 | value
                filled += 1
                high = nil
            } else {
                high = value
            }
        }
        return true
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
