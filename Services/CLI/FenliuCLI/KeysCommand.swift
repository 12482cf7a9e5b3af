import ArgumentParser
import FenliuModel
import Foundation
import RPC
import ServiceSupport
import SwiftProtobuf

/// `fenliu keys …`: every service keeps its own copy of the keys (README, "Keys and scopes"), so each
/// command makes the same change on all five, choosing the key's id and secret here and sending only
/// the secret's hash. A change that some services could not take is reported with the command that
/// finishes it; running it again is safe (a service that has the key already says so).
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Make, list, rotate and revoke keys on every service at once (admin key: FENLIU_KEY_ADMIN).",
        subcommands: [List.self, Create.self, Rotate.self, Revoke.self]
    )

    static let adminKey = "FENLIU_KEY_ADMIN"

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The keys, and which services hold each.")
        @OptionGroup var key: KeyOption
        @Flag(name: .long, help: "Include revoked keys.") var revoked = false
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() async throws {
            try await withStack { stack in
                let admin = try stack.key(key.key, default: KeysCommand.adminKey)
                var byID = [String: (key: Fenliu_Admin_V1_ApiKey, services: [ServiceName])]()
                for service in ServiceName.allCases {
                    let response = try await stack.call(service, key: admin, AdminAPI.listKeys, .with { $0.includeRevoked = revoked })
                    for key in response.keys { byID[key.id, default: (key, [])].services.append(service) }
                }
                let keys = byID.values.sorted { ($0.key.createdAt.seconds, $0.key.id) < ($1.key.createdAt.seconds, $1.key.id) }
                if json {
                    let objects = keys.map { entry -> [String: Any] in
                        var object: [String: Any] = [
                            "id": entry.key.id, "label": entry.key.label, "scopes": entry.key.scopes,
                            "createdAt": Output.time(entry.key.createdAt), "services": entry.services.map(\.rawValue),
                        ]
                        if entry.key.hasRevokedAt { object["revokedAt"] = Output.time(entry.key.revokedAt) }
                        if !entry.key.replaces.isEmpty { object["replaces"] = entry.key.replaces }
                        return object
                    }
                    Output.printJSON(objects)
                    return
                }
                var rows = [["ID", "LABEL", "SCOPES", "CREATED", "STATE", "ON"]]
                for (key, services) in keys {
                    let state = key.hasRevokedAt ? "revoked \(Output.time(key.revokedAt))" : "active"
                    let on = services.count == ServiceName.allCases.count ? "all 5" : services.map(\.rawValue).joined(separator: ",")
                    rows.append([key.id, key.label, key.scopes.joined(separator: " "), Output.time(key.createdAt), state, on])
                }
                Output.printTable(rows)
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a key on every service; prints it once (only its hash is stored).",
            discussion:
                "Scopes: admin, supervisor, reviewer, reporting, channel:CHANNEL_110 (…_12345, _119, _120), department:<id>, open311:<app>, service:<name>."
        )
        @OptionGroup var key: KeyOption
        @Option(name: .long, help: "Who the key is for, e.g. \"锦江区城管局 work-order system\".") var label: String
        @Option(name: .customLong("scope"), help: "What it may do (repeat for several).") var scopes: [String] = []
        @Option(name: .long, help: "Its own rate limit, requests per minute (default: the services').") var rate: Int32 = 0
        @Option(name: .long, help: "Install this existing key (fk_<id>_<secret>) instead of making one: to finish a create that some services missed.")
        var existing: String?

        func run() async throws {
            try await withStack { stack in
                guard !scopes.isEmpty else { throw CLIError("--scope is required: what the key may do") }
                let admin = try stack.key(key.key, default: KeysCommand.adminKey)
                // The directory is read with the supervisor's key: an admin key manages keys only.
                try await KeysCommand.checkDepartments(in: scopes, stack: stack, key: (try? stack.key(nil, default: "FENLIU_KEY_SUPERVISOR")) ?? admin)
                let made = try KeysCommand.keyText(existing)
                let request = Fenliu_Admin_V1_CreateKeyRequest.with {
                    $0.label = label
                    $0.scopes = scopes
                    $0.id = made.id
                    $0.secretSha256 = made.secretHash
                    $0.requestsPerMinute = rate
                }
                let outcome = await KeysCommand.onEveryService(stack, admin, alreadyDone: .alreadyExists) { client in
                    _ = try await client.call(AdminAPI.createKey, request)
                }
                // Refused by every service (a scope none knows): no key exists, so none is printed and
                // there is nothing to finish.
                if outcome.done.isEmpty, outcome.already.isEmpty, !outcome.refused.isEmpty, outcome.refused.count == outcome.failed.count {
                    throw CLIError("no key was made: \(outcome.refused[0])")
                }
                print(made.text)
                try outcome.report(
                    "key \(made.id) (\(label): \(scopes.joined(separator: " "))) created", already: "already there",
                    retry: "fenliu keys create --label '\(label)' \(scopes.map { "--scope \($0)" }.joined(separator: " ")) --existing \(made.text)",
                    note: "the key is shown only now; keep it in the client system's secret store")
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A new key with the same label and scopes; the old one stays valid until you revoke it.")
        @OptionGroup var key: KeyOption
        @Argument(help: "The id of the key to rotate (fk_<id>_…).") var id: String
        @Option(name: .long, help: "Install this new key (fk_<id>_<secret>) instead of making one: to finish a rotation that some services missed.")
        var existing: String?

        func run() async throws {
            try await withStack { stack in
                let admin = try stack.key(key.key, default: KeysCommand.adminKey)
                let made = try KeysCommand.keyText(existing)
                let request = Fenliu_Admin_V1_RotateKeyRequest.with {
                    $0.id = id
                    $0.newID = made.id
                    $0.newSecretSha256 = made.secretHash
                }
                let outcome = await KeysCommand.onEveryService(stack, admin, alreadyDone: .alreadyExists) { client in
                    _ = try await client.call(AdminAPI.rotateKey, request)
                }
                // No service holds a valid key by that id: nothing was made, and a retry cannot help,
                // so no new key is printed to be handed out.
                if outcome.done.isEmpty, outcome.already.isEmpty, outcome.missing.count == ServiceName.allCases.count {
                    throw CLIError("no service has a valid key \(id) to rotate (fenliu keys list --revoked)")
                }
                print(made.text)
                try outcome.report(
                    "key \(id) rotated to \(made.id)", already: "already rotated",
                    retry: "fenliu keys rotate \(id) --existing \(made.text)",
                    note: "switch the client system to the new key, then: fenliu keys revoke \(id)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key on every service, at once and for good.")
        @OptionGroup var key: KeyOption
        @Argument(help: "The id of the key to revoke.") var id: String

        func run() async throws {
            try await withStack { stack in
                let admin = try stack.key(key.key, default: KeysCommand.adminKey)
                let outcome = await KeysCommand.onEveryService(stack, admin, alreadyDone: .notFound) { client in
                    _ = try await client.call(AdminAPI.revokeKey, .with { $0.id = id })
                }
                if outcome.done.isEmpty && outcome.failed.isEmpty { throw CLIError("no service has a key \(id) (fenliu keys list --revoked)") }
                try outcome.report("key \(id) revoked", already: "had no such key", retry: "fenliu keys revoke \(id)", note: nil)
            }
        }
    }

    /// The key to install: the one given, or a new random one.
    static func keyText(_ existing: String?) throws -> KeyText {
        guard let existing else { return KeyText.generate() }
        guard let key = KeyText(existing) else { throw CLIError("--existing must be a whole key, fk_<id>_<secret>") }
        return key
    }

    /// What one change did on each service.
    struct Outcome {
        var done = [ServiceName]()
        var already = [ServiceName]()
        var failed = [(ServiceName, String)]()
        /// Of `failed`, the refusals the request itself caused (`invalid_argument`): sending it again
        /// cannot help.
        var refused = [String]()
        /// The services that answered `not_found` (when that is not what "done already" means).
        var missing = [ServiceName]()

        /// Prints a summary on standard error; throws when a service did not take the change.
        func report(_ what: String, already alreadyText: String, retry: String, note: String?) throws {
            var lines = [String]()
            if !done.isEmpty { lines.append("\(what) on \(done.map(\.rawValue).joined(separator: ", "))") }
            if !already.isEmpty { lines.append("\(already.map(\.rawValue).joined(separator: ", ")): \(alreadyText)") }
            for (service, message) in failed { lines.append("\(service.rawValue): FAILED — \(message)") }
            if let note, failed.isEmpty { lines.append(note) }
            for line in lines { printError(line) }
            if !failed.isEmpty {
                throw CLIError("not every service took the change; when they answer again, finish it with: \(retry)")
            }
        }
    }

    /// Refuses a `department:<id>` scope naming no department in routing's directory (a key for a
    /// mistyped id would see nothing, silently).
    static func checkDepartments(in scopes: [String], stack: Stack, key: String) async throws {
        try await stack.checkDepartments(scopes.filter { $0.hasPrefix("department:") }.map { String($0.dropFirst("department:".count)) }, key: key)
    }

    /// Runs `change` on each of the five services; `alreadyDone` is the code that means the service
    /// had it already (so running a command again is safe).
    static func onEveryService(
        _ stack: Stack, _ key: String, alreadyDone: ConnectCode, _ change: (RPCClient) async throws -> Void
    ) async -> Outcome {
        var outcome = Outcome()
        for service in ServiceName.allCases {
            do {
                try await change(stack.client(service, key: key))
                outcome.done.append(service)
            } catch let error as ConnectError where error.code == alreadyDone {
                outcome.already.append(service)
            } catch {
                let message = CLIError.from(error, service: service, url: stack.url(service)).description
                outcome.failed.append((service, message))
                if (error as? ConnectError)?.code == .invalidArgument { outcome.refused.append(message) }
                if (error as? ConnectError)?.code == .notFound { outcome.missing.append(service) }
            }
        }
        return outcome
    }
}

/// `fenliu audit`: the audit trail of every service, newest first.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Who read personal data, changed a ticket, a key, a rule or the catalogue (admin or supervisor key).")
    @OptionGroup var key: KeyOption
    @Option(name: .long, help: "Only this action, e.g. call.read_personal_data, key.revoked.") var action: String?
    @Option(name: .long, help: "Only what was done to this: a call, ticket or key id.") var target: String?
    @Option(name: .long, help: "Only this service.") var service: String?
    @Option(name: .long, help: "At most this many entries per service.") var limit: Int32 = 100
    @Flag(name: .long, help: "Print JSON.") var json = false

    func run() async throws {
        try await withStack { stack in
            let admin = try stack.key(key.key, default: KeysCommand.adminKey)
            var services = ServiceName.allCases
            if let service {
                guard let chosen = ServiceName(rawValue: service) else {
                    throw CLIError("--service must be one of \(ServiceName.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                services = [chosen]
            }
            var entries = [(ServiceName, Fenliu_Admin_V1_AuditEntry)]()
            for service in services {
                let response = try await stack.call(
                    service, key: admin, AdminAPI.listAudit,
                    .with {
                        $0.action = action ?? ""
                        $0.target = target ?? ""
                        $0.pageSize = limit
                    })
                entries += response.entries.map { (service, $0) }
            }
            entries.sort { ($0.1.at.seconds, $0.1.at.nanos) > ($1.1.at.seconds, $1.1.at.nanos) }
            if json {
                Output.printJSON(
                    entries.map {
                        [
                            "service": $0.0.rawValue, "at": Output.time($0.1.at), "actor": $0.1.actor, "action": $0.1.action,
                            "target": $0.1.target, "detail": $0.1.detail,
                        ] as [String: Any]
                    })
                return
            }
            var rows = [["AT", "SERVICE", "ACTOR", "ACTION", "TARGET", "DETAIL"]]
            for (service, entry) in entries {
                rows.append([Output.time(entry.at), service.rawValue, entry.actor, entry.action, entry.target, entry.detail])
            }
            Output.printTable(rows)
        }
    }
}
