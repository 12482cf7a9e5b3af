/// Lower-case hexadecimal, written and read by hand: `String(format: "%02x")` per byte cost ~1 µs
/// a byte through Foundation's formatter (32 µs for a SHA-256 digest), and a key's hash is taken on
/// every authenticated request (BENCHMARKS.md, stop 23). Here because PostgreSQL's text forms of
/// `bytea` and `uuid` are hex; the services' digests (keys, blind indexes, signatures) use it too.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// `bytes` as lower-case hex, two digits a byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text = [UInt8]()
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes UTF-8 `characters` spell in hex (either case), or `nil` if they are not an even run
    /// of hex digits.
    public static func decode(_ characters: some Collection<UInt8>) -> [UInt8]? {
        let characters = Array(characters)
        guard characters.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = value(of: characters[index]), let low = value(of: characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// The value of one hex digit, either case.
    static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
