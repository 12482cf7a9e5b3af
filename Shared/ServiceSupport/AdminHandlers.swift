import FenliuModel
import Foundation
import HTTPTypes
import Postgres
import RPC
import SwiftProtobuf

/// `fenliu.admin.v1.AdminService`, served by every service: its outbox, its keys, its audit trail.
struct AdminHandlers: AdminServiceHandler {
    /// The service's database, which holds its outbox, keys and audit trail.
    let database: PostgresPool
    /// The keys, told when one changes here.
    let keys: KeyStore
    /// The methods `deliver` may apply.
    let appliedOnce: AppliedOnceMethods
    /// Every method the service serves, so `deliver` can tell a method it does not serve (perhaps
    /// not yet: `unimplemented`, tried again) from one it serves but cannot batch (`invalid_argument`).
    let served: ServedMethods

    func listOutbox(_ request: Fenliu_Admin_V1_ListOutboxRequest, context: RPCContext) async throws -> Fenliu_Admin_V1_ListOutboxResponse {
        let limit = try PageSize.resolve(request.pageSize, default: 100, maximum: 1000)
        let filters = PageToken.fingerprint([request.includeDelivered ? "all" : "undelivered"])
        let after = try PageToken.decode(request.pageToken, filters: filters, kinds: [.time, .text])
        let page = try await Outbox.list(includeDelivered: request.includeDelivered, after: after, limit: limit, on: database)
        let backlog = try await Outbox.backlog(on: database)
        return .with {
            $0.messages = page.messages.map(\.proto)
            $0.pending = Int64(backlog.pending)
            $0.parked = Int64(backlog.parked)
            if page.hasMore, let last = page.messages.last {
                $0.nextPageToken = PageToken(position: [.time(last.createdAt), .text(last.id.uuidString)], filters: filters).encoded
            }
        }
    }

    func retryOutboxMessage(
        _ request: Fenliu_Admin_V1_RetryOutboxMessageRequest, context: RPCContext
    ) async throws -> Fenliu_Admin_V1_RetryOutboxMessageResponse {
        guard let id = UUID(uuidString: request.id) else {
            throw ConnectError.invalidArgument(field: "id", "must be a UUID")
        }
        guard let message = try await Outbox.retry(id: id, on: database) else {
            throw ConnectError(.notFound, "no undelivered outbox message \(request.id)")
        }
        return .with { $0.message = message.proto }
    }

    // MARK: Deliveries

    /// Most deliveries in one request (the outbox sends at most a round's worth, 32 by default).
    static let maximumDeliveries = 100

    /// Applies each delivery as a call of its own method would be applied: the same check, the same
    /// effect, once per key. The checked deliveries run in one transaction (one commit, and the inbox's
    /// locks, lookup and insert once for all, instead of per message); if an effect fails there, each
    /// runs in a transaction of its own, so only the failing one answers an error.
    func deliver(_ request: Fenliu_Admin_V1_DeliverRequest, context: RPCContext) async throws -> Fenliu_Admin_V1_DeliverResponse {
        guard request.deliveries.count <= Self.maximumDeliveries else {
            throw ConnectError.invalidArgument(field: "deliveries", "holds at most \(Self.maximumDeliveries)")
        }
        var results = request.deliveries.map { delivery in Fenliu_Admin_V1_DeliveryResult.with { $0.idempotencyKey = delivery.idempotencyKey } }
        var checked = [(index: Int, delivery: Inbox.Delivery)]()
        for (index, delivery) in request.deliveries.enumerated() {
            do {
                checked.append((index, try await prepare(delivery, at: index, context: context)))
            } catch {
                results[index].record(.failure(ConnectError.answering(error, logger: context.logger)))
            }
        }
        guard !checked.isEmpty else { return .with { $0.results = results } }
        let deliveries = checked.map(\.delivery)
        do {
            let answers = try await database.transaction { try Inbox.apply(deliveries, on: $0) }
            for (slot, answer) in zip(checked, answers) { results[slot.index].record(answer) }
        } catch {
            for slot in checked {
                do {
                    results[slot.index].record(try await database.transaction { try Inbox.apply([slot.delivery], on: $0) }[0])
                } catch {
                    results[slot.index].record(.failure(ConnectError.answering(error, logger: context.logger)))
                }
            }
        }
        return .with { $0.results = results }
    }

    /// One delivery checked as a call of its own: the caller's key must be allowed its method, and
    /// the method's handler checks the body in a context carrying the delivery's key.
    private func prepare(_ delivery: Fenliu_Admin_V1_Delivery, at index: Int, context: RPCContext) async throws -> Inbox.Delivery {
        let field = "deliveries[\(index)]"
        if let principal = Principal.current, !AccessPolicy.allows(delivery.method, principal) {
            throw ConnectError(.permissionDenied, "this key may not call \(delivery.method)")
        }
        guard let prepare = appliedOnce.prepare(delivery.method) else {
            guard served.all.contains(delivery.method) else {
                throw ConnectError(.unimplemented, "\(field).method: this service does not serve \"\(delivery.method)\"")
            }
            throw ConnectError.invalidArgument(field: "\(field).method", "\"\(delivery.method)\" is not applied once per Idempotency-Key")
        }
        let key = delivery.idempotencyKey.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = Inbox.problem(withKey: key) { throw ConnectError.invalidArgument(field: "\(field).idempotencyKey", problem) }
        var headers = context.headers
        headers[HTTPField.Name("Idempotency-Key")!] = key
        do {
            return try await prepare(
                Array(delivery.body.utf8), RPCContext(path: delivery.method, headers: headers, deadline: context.deadline, logger: context.logger))
        } catch let error as ConnectError where error.code == .invalidArgument && !error.fieldViolations.isEmpty {
            // The method names fields of its request: here that request is the delivery's body.
            throw ConnectError.invalidArgument(
                error.fieldViolations.map { FieldViolation(field: "\(field).body.\($0.field)", description: $0.description) })
        }
    }

    // MARK: Keys

    func createKey(_ request: Fenliu_Admin_V1_CreateKeyRequest, context: RPCContext) async throws -> Fenliu_Admin_V1_CreateKeyResponse {
        var violations = [FieldViolation]()
        let label = request.label.trimmingCharacters(in: .whitespaces)
        if label.isEmpty || label.count > 200 { violations.append(FieldViolation(field: "label", description: "is required, at most 200 characters")) }
        let scopes = request.scopes.compactMap(Scope.init)
        if request.scopes.isEmpty {
            violations.append(FieldViolation(field: "scopes", description: "is required: what the key may do"))
        }
        for (index, text) in request.scopes.enumerated() where Scope(text) == nil {
            violations.append(
                FieldViolation(
                    field: "scopes[\(index)]",
                    description:
                        "\"\(text)\" is not a scope (admin, supervisor, reviewer, reporting, channel:CHANNEL_110, department:<id>, open311:<app>, service:<name>)"
                ))
        }
        let chosen = try Self.chosenSecret(id: request.id, hash: request.secretSha256, idField: "id", hashField: "secretSha256", into: &violations)
        if request.requestsPerMinute < 0 { violations.append(FieldViolation(field: "requestsPerMinute", description: "must not be negative")) }
        guard violations.isEmpty else { throw ConnectError.invalidArgument(violations) }
        let generated = chosen == nil ? KeyText.generate() : nil
        let key = StoredKey(
            id: chosen?.id ?? generated!.id, label: label, scopes: scopes, secretHash: chosen?.hash ?? generated!.secretHash,
            requestsPerMinute: Int(request.requestsPerMinute))
        try await database.transaction { connection in
            guard try KeyStore.insert(key, on: connection) else { throw ConnectError(.alreadyExists, "a key \(key.id) exists") }
            try AuditTrail.record("key.created", target: key.id, detail: "\(label): \(scopes.map(\.description).joined(separator: " "))", on: connection)
        }
        keys.invalidate()
        return .with {
            $0.key = key.proto
            if let generated { $0.secret = generated.text }
        }
    }

    func listKeys(_ request: Fenliu_Admin_V1_ListKeysRequest, context: RPCContext) async throws -> Fenliu_Admin_V1_ListKeysResponse {
        let all = try await database.withConnection { connection in try KeyStore.all(includeRevoked: request.includeRevoked, on: connection) }
        return .with { $0.keys = all.map(\.proto) }
    }

    func rotateKey(_ request: Fenliu_Admin_V1_RotateKeyRequest, context: RPCContext) async throws -> Fenliu_Admin_V1_RotateKeyResponse {
        var violations = [FieldViolation]()
        if request.id.isEmpty { violations.append(FieldViolation(field: "id", description: "is required")) }
        let chosen = try Self.chosenSecret(
            id: request.newID, hash: request.newSecretSha256, idField: "newId", hashField: "newSecretSha256", into: &violations)
        guard violations.isEmpty else { throw ConnectError.invalidArgument(violations) }
        let generated = chosen == nil ? KeyText.generate() : nil
        let rotated = try await database.transaction { connection -> StoredKey in
            guard let old = try KeyStore.find(request.id, on: connection), old.revokedAt == nil else {
                throw ConnectError(.notFound, "no valid key \(request.id)")
            }
            let key = StoredKey(
                id: chosen?.id ?? generated!.id, label: old.label, scopes: old.scopes, secretHash: chosen?.hash ?? generated!.secretHash,
                replaces: old.id, requestsPerMinute: old.requestsPerMinute)
            guard try KeyStore.insert(key, on: connection) else { throw ConnectError(.alreadyExists, "a key \(key.id) exists") }
            try AuditTrail.record("key.rotated", target: old.id, detail: "new key \(key.id); the old one stays valid until revoked", on: connection)
            return key
        }
        keys.invalidate()
        return .with {
            $0.key = rotated.proto
            if let generated { $0.secret = generated.text }
        }
    }

    func revokeKey(_ request: Fenliu_Admin_V1_RevokeKeyRequest, context: RPCContext) async throws -> Fenliu_Admin_V1_RevokeKeyResponse {
        guard !request.id.isEmpty else { throw ConnectError.invalidArgument(field: "id", "is required") }
        // Idempotent: revoking a revoked key answers it again, with its first revocation time and
        // no second audit entry (`fenliu keys revoke` may be run again to finish).
        let revoked = try await database.transaction { connection -> StoredKey in
            let before = try KeyStore.find(request.id, on: connection)
            guard let key = try KeyStore.revoke(request.id, at: Date(), on: connection) else { throw ConnectError(.notFound, "no key \(request.id)") }
            if before?.revokedAt == nil { try AuditTrail.record("key.revoked", target: key.id, detail: key.label, on: connection) }
            return key
        }
        keys.invalidate()
        return .with { $0.key = revoked.proto }
    }

    /// An id and secret hash the caller chose (both or neither), checked.
    private static func chosenSecret(
        id: String, hash: String, idField: String, hashField: String, into violations: inout [FieldViolation]
    ) throws -> (id: String, hash: String)? {
        guard !id.isEmpty || !hash.isEmpty else { return nil }
        if !Scope.isName(id) { violations.append(FieldViolation(field: idField, description: "must be 1–64 letters, digits, - _ or .")) }
        if hash.count != 64 || !hash.allSatisfy(\.isHexDigit) {
            violations.append(FieldViolation(field: hashField, description: "must be the SHA-256 of the secret, 64 hex digits"))
        }
        return (id, hash.lowercased())
    }

    // MARK: Audit

    func listAudit(_ request: Fenliu_Admin_V1_ListAuditRequest, context: RPCContext) async throws -> Fenliu_Admin_V1_ListAuditResponse {
        let limit = try PageSize.resolve(request.pageSize, default: 100, maximum: 1000)
        let filters = PageToken.fingerprint([request.action, request.target])
        let after = try PageToken.decode(request.pageToken, filters: filters, kinds: [.time, .text])
        var before: (Date, UUID)?
        if let after, case .time(let at) = after.position[0], case .text(let id) = after.position[1], let uuid = UUID(uuidString: id) {
            before = (at, uuid)
        }
        let position = before
        let entries = try await database.withConnection { connection in
            try AuditTrail.list(action: request.action, target: request.target, before: position, limit: limit, on: connection)
        }
        return .with {
            $0.entries = entries.prefix(limit).map { entry in
                .with {
                    $0.id = entry.id.uuidString.lowercased()
                    $0.at = Google_Protobuf_Timestamp(date: entry.at)
                    $0.actor = entry.actor
                    $0.action = entry.action
                    $0.target = entry.target
                    $0.detail = entry.detail
                }
            }
            if entries.count > limit, let last = entries.prefix(limit).last {
                $0.nextPageToken = PageToken(position: [.time(last.at), .text(last.id.uuidString)], filters: filters).encoded
            }
        }
    }
}

extension OutboxMessage {
    /// The message as the admin API shows it.
    var proto: Fenliu_Admin_V1_OutboxMessage {
        .with {
            $0.id = id.uuidString.lowercased()
            $0.target = target
            $0.path = path.isEmpty ? (subscriber ?? "") : path
            $0.state = state
            $0.attempts = Int32(clamping: attempts)
            $0.lastError = lastError ?? ""
            $0.createdAt = Google_Protobuf_Timestamp(date: createdAt)
            $0.nextAttemptAt = Google_Protobuf_Timestamp(date: nextAttemptAt)
            if let delivered = deliveredAt { $0.deliveredAt = Google_Protobuf_Timestamp(date: delivered) }
        }
    }
}

extension StoredKey {
    /// The key as the admin API shows it: never its secret or hash.
    var proto: Fenliu_Admin_V1_ApiKey {
        .with {
            $0.id = id
            $0.label = label
            $0.scopes = scopes.map(\.description)
            $0.createdAt = Google_Protobuf_Timestamp(date: createdAt)
            if let revokedAt { $0.revokedAt = Google_Protobuf_Timestamp(date: revokedAt) }
            $0.replaces = replaces ?? ""
            $0.requestsPerMinute = Int32(requestsPerMinute)
        }
    }
}

extension Fenliu_Admin_V1_DeliveryResult {
    /// Records a delivery's answer: its response, or its error.
    fileprivate mutating func record(_ answer: Result<String, ConnectError>) {
        switch answer {
        case .success(let response):
            self.response = response
        case .failure(let error):
            code = error.code.rawValue
            message = error.message
        }
    }
}
