import Foundation
import HTTPClient
import TestSupport
import Testing

/// `fenliu keys` and `fenliu audit` against the real stack (scripts/up), as an operator uses them.
@Suite("fenliu keys", .serialized)
struct KeysCommandTests {
    /// Whether `key` may read routing's, feedback's, reporting's… listings: the status of a call that
    /// every key with the reporting scope may make on each service.
    static func statuses(_ stack: LocalStack, key: String) async throws -> [String: Int] {
        let probes = [
            "intake": "/fenliu.admin.v1.AdminService/ListOutbox", "classification": "/fenliu.admin.v1.AdminService/ListOutbox",
            "routing": "/fenliu.admin.v1.AdminService/ListOutbox", "feedback": "/fenliu.admin.v1.AdminService/ListOutbox",
            "reporting": "/fenliu.reporting.v1.ReportingService/GetMonthlyBulletin",
        ]
        var statuses = [String: Int]()
        for (service, path) in probes {
            let url = try #require(stack.urls[service])
            let body = service == "reporting" ? #"{"month":"2026-11"}"# : "{}"
            let response = try await TestHTTP.client.execute(
                HTTPClientRequest(
                    method: "POST", url: url + path, headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(key)")],
                    body: Array(body.utf8)))
            statuses[service] = response.status
        }
        return statuses
    }

    @Test("create on all five, rotate (both valid), revoke (old refused everywhere), list, audit; a service down is named with the command that finishes")
    func lifecycle() async throws {
        let stack = try await LocalStack.start()
        do {
            // An admin+reporting key, so it can call something on every service.
            let created = try await stack.fenliu(["keys", "create", "--label", "锦江区 运维", "--scope", "admin", "--scope", "reporting"])
            #expect(created.status == 0, "\(created.standardError)")
            let key = created.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(key.hasPrefix("fk_"))
            #expect(created.standardError.contains("created on intake, classification, routing, feedback, reporting"))
            let id = String(key.dropFirst(3).prefix { $0 != "_" })
            #expect(try await Self.statuses(stack, key: key).values.allSatisfy { $0 == 200 })

            let nothing = try await stack.fenliu(["keys", "rotate", "nosuchkeyid"])
            #expect(nothing.status == 1 && nothing.standardError.contains("no service has a valid key nosuchkeyid"), "\(nothing.standardError)")
            #expect(!nothing.standardOutput.contains("fk_"), "no key is printed for a rotation nobody made")
            let rotated = try await stack.fenliu(["keys", "rotate", id])
            #expect(rotated.status == 0, "\(rotated.standardError)")
            let newKey = rotated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(newKey.hasPrefix("fk_") && newKey != key)
            #expect(try await Self.statuses(stack, key: key).values.allSatisfy { $0 == 200 }, "the old key stays valid until revoked")
            #expect(try await Self.statuses(stack, key: newKey).values.allSatisfy { $0 == 200 })

            let revoked = try await stack.fenliu(["keys", "revoke", id])
            #expect(revoked.status == 0, "\(revoked.standardError)")
            #expect(try await Self.statuses(stack, key: key).values.allSatisfy { $0 == 401 }, "revoked on every service")
            #expect(try await Self.statuses(stack, key: newKey).values.allSatisfy { $0 == 200 })
            // Running it again is safe (and audited once); a key no service has is an error.
            #expect(try await stack.fenliu(["keys", "revoke", id]).status == 0)
            let unknown = try await stack.fenliu(["keys", "revoke", "nosuchkey"])
            #expect(unknown.status == 1 && unknown.standardError.contains("no service has a key nosuchkey"))
            // A key for a department routing does not know, or with a scope no service knows, is not
            // made: no key printed, nothing to finish.
            let mistyped = try await stack.fenliu(["keys", "create", "--label", "typo", "--scope", "department:510104-nosuch"])
            #expect(mistyped.status == 1 && mistyped.standardError.contains("no department 510104-nosuch"), "\(mistyped.standardError)")
            #expect(mistyped.standardOutput.isEmpty)
            let department = try await stack.fenliu(["keys", "create", "--label", "城管", "--scope", "department:510104-cgzf"])
            #expect(department.status == 0, "\(department.standardError)")
            let bogus = try await stack.fenliu(["keys", "create", "--label", "bogus", "--scope", "bogus:thing"])
            #expect(bogus.status == 1 && bogus.standardError.contains("no key was made"), "\(bogus.standardError)")
            #expect(!bogus.standardError.contains("--existing") && bogus.standardOutput.isEmpty, "\(bogus.standardOutput)")

            let list = try await stack.fenliu(["keys", "list", "--revoked", "--json"])
            let keys = try #require(try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [[String: Any]])
            let old = try #require(keys.first { $0["id"] as? String == id })
            #expect(old["revokedAt"] != nil)
            #expect((old["services"] as? [String])?.count == 5)
            let newID = String(newKey.dropFirst(3).prefix { $0 != "_" })
            let new = try #require(keys.first { $0["id"] as? String == newID })
            #expect(new["replaces"] as? String == id)
            #expect(new["label"] as? String == "锦江区 运维")
            // Nothing secret in a listing. The secret is everything after `fk_<id>_` (base64url, so it
            // may itself hold "_": splitting at the last one once left a single letter to look for).
            let secret = String(newKey.dropFirst(3 + newID.count + 1))
            #expect(secret.count >= 20)
            #expect(!list.standardOutput.contains(secret))

            let audit = try await stack.fenliu(["audit", "--target", id, "--json"])
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(audit.standardOutput.utf8)) as? [[String: Any]])
            let actions = Set(entries.compactMap { $0["action"] as? String })
            #expect(actions.isSuperset(of: ["key.created", "key.revoked"]), "\(actions)")
            #expect(entries.filter { $0["action"] as? String == "key.revoked" }.count == 5)

            // A wrong key, and a service that is down.
            let wrong = try await stack.fenliu(["keys", "list"], environment: ["FENLIU_KEY": "fk_nosuchkey_xxxx"])
            #expect(wrong.status == 1 && wrong.standardError.contains("does not know this key"))
            let pid = try String(contentsOf: stack.stateDirectory.appendingPathComponent("routing.pid"), encoding: .utf8)
            kill(pid_t(pid.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, SIGKILL)
            try await Task.sleep(for: .milliseconds(300))
            let partial = try await stack.fenliu(["keys", "create", "--label", "x", "--scope", "reporting"])
            #expect(partial.status == 1)
            #expect(partial.standardError.contains("routing: FAILED — routing is not answering"))
            #expect(partial.standardError.contains("--existing fk_"))
            #expect(partial.standardError.contains("created on intake, classification, feedback, reporting"))
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }
}
