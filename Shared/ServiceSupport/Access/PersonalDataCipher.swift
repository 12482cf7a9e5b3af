import Crypto
import Foundation
import Postgres

/// Encrypts callers' names, phones and emails at rest with AES-256-GCM (swift-crypto). Each value is
/// stored as `enc:v1:<key id>:<base64 nonce‖ciphertext‖tag>`, so keys can rotate: new values use
/// the current key, old ones stay readable with theirs until re-encrypted. A phone number is also
/// stored as an HMAC-SHA256 with a separate, stable index key, so "the same phone within an hour"
/// can be looked up without the number (a blind index).
///
/// Keys come from configuration (`FENLIU_DATA_KEYS`: `id:base64,…`, the first is current;
/// `FENLIU_DATA_INDEX_KEY`: base64). Without keys, values are stored as given and say so at
/// start-up (tests of other things, and development).
public struct PersonalDataCipher: Sendable {
    /// A key ring entry.
    public struct Key: Sendable {
        public let id: String
        let bytes: Data
        var key: SymmetricKey { SymmetricKey(data: bytes) }

        public init?(id: String, base64: String) {
            guard Scope.isName(id), !id.contains(":"), let data = Data(base64Encoded: base64), data.count == 32 else { return nil }
            self.id = id
            self.bytes = data
        }
    }

    /// Why a stored value cannot be read.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    static let prefix = "enc:v1:"

    /// The key new values are written with; `nil`: no encryption.
    public let current: Key?
    private let ring: [String: Key]
    private let indexBytes: Data?

    /// A cipher with `keys` (the first is current) and the blind index key.
    public init(keys: [Key], indexKey: Data?) {
        current = keys.first
        ring = Dictionary(keys.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.indexBytes = indexKey
    }

    /// No encryption.
    public static let none = PersonalDataCipher(keys: [], indexKey: nil)

    /// Whether values are encrypted.
    public var isEnabled: Bool { current != nil }

    /// The stored form of `value` (empty stays empty: nothing to hide).
    public func seal(_ value: String) throws -> String {
        guard let current, !value.isEmpty else { return value }
        let box = try AES.GCM.seal(Data(value.utf8), using: current.key)
        guard let combined = box.combined else { throw Failure(description: "AES-GCM produced no combined form") }
        return Self.prefix + current.id + ":" + combined.base64EncodedString()
    }

    /// The value of a stored form; a value stored before encryption was on is returned as it is.
    public func open(_ stored: String) throws -> String {
        guard stored.hasPrefix(Self.prefix) else { return stored }
        let rest = stored.dropFirst(Self.prefix.count)
        guard let colon = rest.firstIndex(of: ":") else { throw Failure(description: "a sealed value without a key id") }
        let id = String(rest[..<colon])
        guard let key = ring[id] else { throw Failure(description: "no data key \"\(id)\" is configured (FENLIU_DATA_KEYS)") }
        guard let data = Data(base64Encoded: String(rest[rest.index(after: colon)...])) else { throw Failure(description: "a sealed value is not base64") }
        do {
            let plain = try AES.GCM.open(AES.GCM.SealedBox(combined: data), using: key.key)
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw Failure(description: "a sealed value does not open with key \"\(id)\"")
        }
    }

    /// The key id a stored form was sealed with; `nil` for a value stored in clear.
    public static func keyID(of stored: String) -> String? {
        guard stored.hasPrefix(prefix) else { return nil }
        let rest = stored.dropFirst(prefix.count)
        return rest.firstIndex(of: ":").map { String(rest[..<$0]) }
    }

    /// Whether phones are indexed blind (with a key) rather than by the number itself.
    public var hasIndexKey: Bool { indexBytes != nil }

    /// The blind index of a value (hex HMAC-SHA256), or the value itself without an index key.
    public func index(_ value: String) -> String {
        guard let indexBytes, !value.isEmpty else { return value }
        return Hex.encode(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: indexBytes)))
    }
}

/// How personal data is shown to whoever does not need it in full.
public enum Masking {
    /// `13812341234` → `138****1234`; short numbers keep their last two digits.
    public static func phone(_ phone: String) -> String {
        let characters = Array(phone)
        guard characters.count > 7 else {
            return characters.count <= 2
                ? String(repeating: "*", count: characters.count) : String(repeating: "*", count: characters.count - 2) + String(characters.suffix(2))
        }
        return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 7) + String(characters.suffix(4))
    }

    /// `张三丰` → `张**`.
    public static func name(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(name.count - 1, 1))
    }

    /// `citizen@example.org` → `c***@example.org`.
    public static func email(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@"), let first = email.first else { return email.isEmpty ? "" : "***" }
        return String(first) + "***" + String(email[at...])
    }
}
