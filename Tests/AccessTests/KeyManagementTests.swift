import FenliuModel
import Foundation
import HTTPClient
import Postgres
import RPC
import ReportingService
import ServiceSupport
import SwiftProtobuf
import TestSupport
import Testing

/// Keys are made, rotated and revoked through the admin API; only hashes are stored; every change
/// is in the append-only audit trail; a key over its rate waits.
@Suite("Keys: rotation, revocation, hashes, audit, rate limits")
struct KeyManagementTests {
    func admin(_ base: String) -> RPCClient { RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout, key: TestKeys.text("admin")) }

    func bulletin(_ base: String, key: String) async -> ConnectCode? {
        do {
            _ = try await RPCClient(baseURL: base, httpClient: TestHTTP.client, timeout: TestHTTP.rpcTimeout, key: key).call(
                ReportingAPI.getMonthlyBulletin, .with { $0.month = "2026-11" })
            return nil
        } catch let error as ConnectError {
            return error.code
        } catch {
            return .unknown
        }
    }

    @Test("a created key works at once; rotated, both work until the old is revoked; revoked, it is refused")
    func lifecycle() async throws {
        try await TestService.with(ReportingModule.self, access: TestKeys.access()) { base, database in
            let created = try await admin(base).call(
                AdminAPI.createKey,
                .with {
                    $0.label = "district dashboard"
                    $0.scopes = ["reporting"]
                })
            #expect(created.secret.hasPrefix("fk_\(created.key.id)_"))
            #expect(await bulletin(base, key: created.secret) == nil)

            let rotated = try await admin(base).call(AdminAPI.rotateKey, .with { $0.id = created.key.id })
            #expect(rotated.key.replaces == created.key.id)
            #expect(rotated.key.scopes == ["reporting"])
            #expect(await bulletin(base, key: created.secret) == nil, "the old key stays valid until revoked")
            #expect(await bulletin(base, key: rotated.secret) == nil)

            _ = try await admin(base).call(AdminAPI.revokeKey, .with { $0.id = created.key.id })
            #expect(await bulletin(base, key: created.secret) == .unauthenticated)
            #expect(await bulletin(base, key: rotated.secret) == nil)
            let listed = try await admin(base).call(AdminAPI.listKeys, .init()).keys.map(\.id)
            #expect(!listed.contains(created.key.id))
            #expect(try await admin(base).call(AdminAPI.listKeys, .with { $0.includeRevoked = true }).keys.contains { $0.id == created.key.id })

            // Only the SHA-256 of a secret is stored.
            let secret = String(rotated.secret.split(separator: "_", maxSplits: 2)[2])
            let stored = try await database.query("SELECT secret_sha256 FROM api_keys WHERE id = \(rotated.key.id)").first?.decode(
                "secret_sha256", as: String.self)
            #expect(stored == KeyText.hash(secret))
            let anywhere = try await database.query("SELECT count(*) AS n FROM api_keys WHERE row_to_json(api_keys)::text LIKE \("%" + secret + "%")")
                .first?.decode("n", as: Int64.self)
            #expect(anywhere == 0)

            // Every change is in the trail, with who made it; the trail cannot be edited.
            let audit = try await admin(base).call(AdminAPI.listAudit, .init()).entries
            #expect(Set(audit.map(\.action)).isSuperset(of: ["key.created", "key.rotated", "key.revoked"]))
            #expect(audit.allSatisfy { $0.actor.hasPrefix("admin (") })
            await #expect(throws: PostgresError.self) { try await database.query("DELETE FROM audit") }
            await #expect(throws: PostgresError.self) { try await database.query("UPDATE audit SET actor = 'someone else'") }
        }
    }

    @Test("the same key on several services: the caller chooses the id and sends only the hash")
    func chosenHash() async throws {
        try await TestService.with(ReportingModule.self, access: TestKeys.access()) { base, _ in
            let key = KeyText.generate()
            let created = try await admin(base).call(
                AdminAPI.createKey,
                .with {
                    $0.label = "made by fenliu keys"
                    $0.scopes = ["reporting"]
                    $0.id = key.id
                    $0.secretSha256 = key.secretHash
                })
            #expect(created.secret.isEmpty, "the service never saw the secret")
            #expect(await bulletin(base, key: key.text) == nil)
            let bad = await #expect(throws: ConnectError.self) {
                _ = try await admin(base).call(
                    AdminAPI.createKey,
                    .with {
                        $0.label = "x"; $0.scopes = ["god", "channel:CHANNEL_999"]
                    })
            }
            #expect(bad?.fieldViolations.map(\.field) == ["scopes[0]", "scopes[1]"])
        }
    }

    @Test("a key over its rate gets resource_exhausted with Retry-After")
    func rateLimit() async throws {
        let limited = KeyText.generate()
        let access = TestKeys.access(extra: [
            StoredKey(id: limited.id, label: "slow app", scopes: [.reporting], secretHash: limited.secretHash, requestsPerMinute: 3)
        ])
        try await TestService.with(ReportingModule.self, access: access) { base, _ in
            for _ in 0..<3 { #expect(await bulletin(base, key: limited.text) == nil) }
            let response = try await TestHTTP.client.execute(
                HTTPClientRequest(
                    method: "POST", url: base + ReportingAPI.getMonthlyBulletin.path,
                    headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(limited.text)")], body: Array(#"{"month":"2026-11"}"#.utf8)))
            #expect(response.status == 429)
            #expect(response.text.contains("resource_exhausted"))
            #expect(Int(response.header("Retry-After") ?? "") ?? 0 >= 1)
            // Another key is not held back by it.
            #expect(await bulletin(base, key: TestKeys.text("reporting")) == nil)
        }
    }
}
