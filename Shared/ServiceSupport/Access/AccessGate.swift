import FenliuModel
import Foundation
import HTTPTypes
import RPC
import Synchronization

/// Keys, scopes and rate limits for every Connect call (README, "Keys and scopes"):
/// `Authorization: Bearer fk_<id>_<secret>`; no key or an unknown or revoked one is
/// `unauthenticated`; a key whose scopes the method table does not grant is `permission_denied`;
/// a key over its rate is `resource_exhausted` with `Retry-After`. The caller is then
/// `Principal.current` while the call is served.
public struct AccessGate: RPCGate {
    let keys: KeyStore
    let limiter: RateLimiter

    public init(keys: KeyStore, requestsPerMinute: Int) {
        self.keys = keys
        self.limiter = RateLimiter(defaultPerMinute: requestsPerMinute)
    }

    public func admit<T: Sendable>(path: String, headers: HTTPFields, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let (principal, key) = try await authenticate(headers)
        guard AccessPolicy.allows(path, principal) else {
            let method = path.split(separator: "/").last.map(String.init) ?? path
            throw ConnectError(.permissionDenied, "the key \(principal.name) may not call \(method)")
        }
        if let wait = limiter.take(principal, perMinute: key.requestsPerMinute > 0 ? key.requestsPerMinute : nil) {
            throw ConnectError(.resourceExhausted, "the key \(principal.name) is over its rate; try again in \(wait) s", retryAfterSeconds: wait)
        }
        return try await Principal.serving(principal) { try await body() }
    }

    /// The caller of `headers`, or `unauthenticated`.
    func authenticate(_ headers: HTTPFields) async throws -> (Principal, StoredKey) {
        guard let authorization = headers[.authorization] else {
            throw ConnectError(.unauthenticated, "send Authorization: Bearer <key>")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw ConnectError(.unauthenticated, "Authorization must be Bearer <key>")
        }
        guard let found = try await keys.principal(for: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            throw ConnectError(.unauthenticated, "unknown or revoked key")
        }
        return found
    }

    /// What an Open311 `api_key` is: an app's key (an `open311` scope, or a supervisor's), another
    /// valid key without that scope, or nothing this service knows.
    public enum Open311Key: Sendable {
        case app(Principal)
        case withoutOpen311Scope
        case unknown
    }

    /// The Open311 standing of `apiKey`. Throws when the keys cannot be read (the database is
    /// down): an app must not be told its valid key is unknown.
    public func open311Key(_ apiKey: String) async throws -> Open311Key {
        guard let (principal, _) = try await keys.principal(for: apiKey) else { return .unknown }
        return principal.has(.open311) || principal.has(.supervisor) ? .app(principal) : .withoutOpen311Scope
    }
}

/// Requests per minute per key, as a token bucket: a key may burst up to its minute's worth, then
/// goes at its rate. Keys of other Fenliu services are not limited (their traffic is the system's
/// own); a key with its own `requests_per_minute` uses that.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let defaultPerMinute: Int
    private let buckets = Mutex([String: Bucket]())

    init(defaultPerMinute: Int) {
        self.defaultPerMinute = defaultPerMinute
    }

    /// Takes one request from the key's bucket; `nil` when allowed, else seconds to wait.
    func take(_ principal: Principal, perMinute: Int? = nil) -> Int? {
        let rate = perMinute ?? (principal.has(.service) ? 0 : defaultPerMinute)
        guard rate > 0 else { return nil }
        let now = ContinuousClock.now
        return buckets.withLock { buckets in
            var bucket = buckets[principal.keyID] ?? Bucket(tokens: Double(rate), updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(Double(rate), bucket.tokens + seconds * Double(rate) / 60)
            bucket.updated = now
            defer { buckets[principal.keyID] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) * 60 / Double(rate)).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
