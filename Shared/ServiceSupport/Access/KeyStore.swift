import Crypto
import FenliuModel
import Foundation
import Postgres
import Synchronization

/// A key as written on the wire: `fk_<id>_<secret>`. The id is public (it names the key in lists,
/// logs and the audit trail); the secret is 32 random bytes, base64url, and is stored only as its
/// SHA-256. Keys are long random strings, so a plain hash is enough: there is nothing to guess.
public struct KeyText: Sendable, Equatable {
    public let id: String
    public let secret: String

    /// A new random key.
    public static func generate() -> KeyText {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let id = String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return KeyText(id: id, secret: secret)
    }

    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// Parses `fk_<id>_<secret>`.
    public init?(_ text: String) {
        guard text.hasPrefix("fk_"), text.count <= 200 else { return nil }
        let rest = text.dropFirst(3)
        guard let separator = rest.firstIndex(of: "_") else { return nil }
        let id = String(rest[..<separator])
        let secret = String(rest[rest.index(after: separator)...])
        guard Scope.isName(id), !secret.isEmpty else { return nil }
        self.init(id: id, secret: secret)
    }

    /// The whole key.
    public var text: String { "fk_\(id)_\(secret)" }

    /// The SHA-256 of the secret, hex: what is stored.
    public var secretHash: String { Self.hash(secret) }

    public static func hash(_ secret: String) -> String {
        Hex.encode(SHA256.hash(data: Data(secret.utf8)))
    }
}

/// A stored key.
public struct StoredKey: Sendable, Equatable {
    public var id: String
    public var label: String
    public var scopes: [Scope]
    public var secretHash: String
    public var createdAt: Date
    public var revokedAt: Date?
    public var replaces: String?
    /// 0: the service's default.
    public var requestsPerMinute: Int

    public init(
        id: String, label: String, scopes: [Scope], secretHash: String, createdAt: Date = Date(), revokedAt: Date? = nil, replaces: String? = nil,
        requestsPerMinute: Int = 0
    ) {
        self.id = id
        self.label = label
        self.scopes = scopes
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.replaces = replaces
        self.requestsPerMinute = requestsPerMinute
    }
}

/// A service's keys: the `api_keys` table of its schema (the `access` component), read into memory
/// and refreshed every few seconds, so a key revoked through another replica stops working within
/// `refreshInterval`, and at once on this one. An unknown id triggers a reload (at most once a
/// second), so a key just created elsewhere works on its first call.
public final class KeyStore: Sendable {
    /// The `access` component: keys and the audit trail.
    public static let migrations = MigrationSet(
        component: "access",
        migrations: [
            Migration(
                version: 1, name: "keys and audit",
                sql: """
                    CREATE TABLE api_keys (
                        id text PRIMARY KEY,
                        label text NOT NULL,
                        scopes text[] NOT NULL,
                        secret_sha256 text NOT NULL,
                        created_at timestamptz NOT NULL DEFAULT now(),
                        revoked_at timestamptz,
                        replaces text,
                        requests_per_minute integer NOT NULL DEFAULT 0
                    );
                    CREATE TABLE audit (
                        id uuid PRIMARY KEY,
                        at timestamptz NOT NULL DEFAULT now(),
                        actor text NOT NULL,
                        action text NOT NULL,
                        target text NOT NULL DEFAULT '',
                        detail text NOT NULL DEFAULT ''
                    );
                    CREATE INDEX audit_at ON audit (at, id);
                    CREATE INDEX audit_target ON audit (target, at);
                    CREATE INDEX audit_action ON audit (action, at);
                    -- Append-only: the service's role may add entries, never change or remove them.
                    CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
                    CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
                        FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
                    """)
        ])

    private struct Snapshot: Sendable {
        var keys: [String: StoredKey] = [:]
        /// Each key's owner (`firstOfLine`), worked out once per reload rather than on every call.
        var owners: [String: String] = [:]
        var loadedAt = ContinuousClock.now - .seconds(3600)
    }

    private let pool: PostgresPool
    private let refreshInterval: Duration
    private let snapshot = Mutex(Snapshot())

    public init(pool: PostgresPool, refreshInterval: Duration = .seconds(5)) {
        self.pool = pool
        self.refreshInterval = refreshInterval
    }

    /// The key a caller presented, if it is known, not revoked and its secret matches.
    public func principal(for text: String) async throws -> (Principal, StoredKey)? {
        guard let key = KeyText(text) else { return nil }
        var stored = snapshot.withLock { $0.keys[key.id] }
        let age = snapshot.withLock { ContinuousClock.now - $0.loadedAt }
        if age > refreshInterval || (stored == nil && age > .seconds(1)) {
            try await reload()
            stored = snapshot.withLock { $0.keys[key.id] }
        }
        guard let stored, stored.revokedAt == nil, Self.constantTimeEqual(stored.secretHash, key.secretHash) else { return nil }
        let owner = snapshot.withLock { $0.owners[stored.id] }
        return (Principal(keyID: stored.id, label: stored.label, scopes: Set(stored.scopes), owner: owner), stored)
    }

    /// The first key of the rotations that led to `key`: `replaces` followed back (revoked keys stay
    /// in the table, so the line is never broken by a revocation).
    static func firstOfLine(_ key: StoredKey, in keys: [String: StoredKey]) -> String {
        var current = key
        var seen: Set<String> = [key.id]
        while let previous = current.replaces.flatMap({ keys[$0] }), seen.insert(previous.id).inserted {
            current = previous
        }
        return current.id
    }

    /// Reads every key again.
    public func reload() async throws {
        let keys = try await pool.withConnection { connection in try Self.all(includeRevoked: true, on: connection) }
        let byID = Dictionary(uniqueKeysWithValues: keys.map { ($0.id, $0) })
        let owners = byID.mapValues { Self.firstOfLine($0, in: byID) }
        snapshot.withLock {
            $0.keys = byID
            $0.owners = owners
            $0.loadedAt = ContinuousClock.now
        }
    }

    /// Forgets what was read, so the next call reads again (after a change on this replica).
    public func invalidate() {
        snapshot.withLock { $0.loadedAt = ContinuousClock.now - .seconds(3600) }
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: Storage

    static let columns = "id, label, scopes::text AS scopes, secret_sha256, created_at, revoked_at, replaces, requests_per_minute"

    static func key(_ row: PostgresRow) throws -> StoredKey {
        let texts = parseTextArray(try row.decode("scopes"))
        let scopes = try texts.map { text -> Scope in
            guard let scope = Scope(text) else { throw PostgresError(code: .decodingFailed, message: "api_keys.scopes holds \"\(text)\"") }
            return scope
        }
        return StoredKey(
            id: try row.decode("id"), label: try row.decode("label"), scopes: scopes, secretHash: try row.decode("secret_sha256"),
            createdAt: try row.decode("created_at"), revokedAt: try row.decode("revoked_at", as: Date?.self),
            replaces: try row.decode("replaces", as: String?.self), requestsPerMinute: try row.decode("requests_per_minute"))
    }

    /// Every key, oldest first.
    public static func all(includeRevoked: Bool, on connection: PostgresConnection) throws -> [StoredKey] {
        try connection.query(
            "SELECT \(unescaped: columns) FROM api_keys WHERE \(includeRevoked) OR revoked_at IS NULL ORDER BY created_at, id"
        ).map(key)
    }

    /// One key.
    public static func find(_ id: String, on connection: PostgresConnection) throws -> StoredKey? {
        try connection.query("SELECT \(unescaped: columns) FROM api_keys WHERE id = \(id)").first.map(key)
    }

    /// Stores a new key; `false` when the id is taken.
    @discardableResult
    public static func insert(_ key: StoredKey, on connection: PostgresConnection) throws -> Bool {
        let scopes = "{" + key.scopes.map { "\"\($0)\"" }.joined(separator: ",") + "}"
        return try !connection.query(
            """
            INSERT INTO api_keys (id, label, scopes, secret_sha256, created_at, replaces, requests_per_minute)
            VALUES (\(key.id), \(key.label), \(scopes)::text[], \(key.secretHash), \(key.createdAt), \(key.replaces), \(key.requestsPerMinute))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """
        ).isEmpty
    }

    /// Revokes a key; returns it, or `nil` when there is no such key.
    public static func revoke(_ id: String, at: Date, on connection: PostgresConnection) throws -> StoredKey? {
        try connection.query(
            "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, \(at)) WHERE id = \(id) RETURNING \(unescaped: columns)"
        ).first.map(key)
    }

    /// The elements of a PostgreSQL `text[]` in its text form. Scopes never contain quotes, commas
    /// or braces (`Scope.isName`), so this is the whole grammar they need.
    static func parseTextArray(_ text: String) -> [String] {
        guard text.count >= 2 else { return [] }
        return text.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }
}
