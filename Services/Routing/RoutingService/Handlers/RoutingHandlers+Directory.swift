import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension RoutingHandlers {
    /// `ListDepartments`.
    func listDepartments(
        _ request: Fenliu_Routing_V1_ListDepartmentsRequest, context: RPCContext
    ) async throws -> Fenliu_Routing_V1_ListDepartmentsResponse {
        let departments = try await database.withConnection { connection in
            try DepartmentStore.list(district: request.district, includeInactive: request.includeInactive, on: connection)
        }
        return .with { $0.departments = departments.map(\.proto) }
    }

    /// `UpsertDepartment`: creates or edits a department. The webhook secret is write-only (an empty
    /// one keeps the stored secret). Messages to the department that wait (for an endpoint, or for
    /// their next retry) are made due now, so a new or mended endpoint gets them at once.
    func upsertDepartment(
        _ request: Fenliu_Routing_V1_UpsertDepartmentRequest, context: RPCContext
    ) async throws -> Fenliu_Routing_V1_UpsertDepartmentResponse {
        let department = try DirectoryValidation.department(request.department)
        let secret = request.webhookSecret
        let stored = try await database.transaction { connection in
            try DepartmentStore.upsert(department, secret: secret, on: connection)
            try AuditTrail.record("department.changed", target: department.id, detail: department.name, on: connection)
            if !department.endpointURL.isEmpty { try Outbox.wake(subscriber: department.id, on: connection) }
            guard let stored = try DepartmentStore.find(department.id, on: connection) else { throw RoutingError.departmentNotFound(department.id) }
            return stored
        }
        return .with { $0.department = stored.proto }
    }

    /// `GetRoutingRules`: the current version, or the one named.
    func getRoutingRules(
        _ request: Fenliu_Routing_V1_GetRoutingRulesRequest, context: RPCContext
    ) async throws -> Fenliu_Routing_V1_GetRoutingRulesResponse {
        let version = request.version
        let rules = try await database.withConnection { connection in
            version.isEmpty ? try RuleStore.current(on: connection) : try RuleStore.find(version: version, on: connection)
        }
        guard let rules else { throw RoutingError.rulesVersionNotFound(version) }
        return .with { $0.rules = rules.proto }
    }

    /// `PublishRoutingRules`: validates every rule against the catalogue, the districts and the active
    /// directory, then stores a new version that new tickets are routed by. Old versions are kept.
    func publishRoutingRules(
        _ request: Fenliu_Routing_V1_PublishRoutingRulesRequest, context: RPCContext
    ) async throws -> Fenliu_Routing_V1_PublishRoutingRulesResponse {
        let submitted = request.rules
        // The version and the publisher reach the audit trail and every ticket routed by them.
        let texts = [
            FieldViolation.text(submitted.version, field: "rules.version", maximum: TextLimits.identifier),
            FieldViolation.text(submitted.publishedBy, field: "rules.publishedBy", maximum: TextLimits.identifier),
        ].compactMap { $0 }
        guard texts.isEmpty else { throw RoutingError.invalidFields(texts) }
        let published = try await database.transaction { connection in
            let departments = try DepartmentStore.all(on: connection)
            let rules = try DirectoryValidation.rules(submitted.rules, departments: departments)
            // Left empty, the rules are signed by the caller as the audit trail names it (its key), not "unknown".
            let publisher = submitted.publishedBy.isEmpty ? AuditTrail.actor : submitted.publishedBy
            let published = try RuleStore.publish(version: submitted.version, by: publisher, rules: rules, on: connection)
            // The version as stored: one left empty is numbered by the store (v4), and the audit names it.
            try AuditTrail.record("rules.published", target: published.version, detail: "\(rules.count) rules", on: connection)
            return published
        }
        return .with { $0.rules = published.proto }
    }

    /// `ListDisputes`: disputes opened in [from, to), oldest first, paged.
    func listDisputes(_ request: Fenliu_Routing_V1_ListDisputesRequest, context: RPCContext) async throws -> Fenliu_Routing_V1_ListDisputesResponse {
        let from = request.hasFrom ? request.from.date : nil
        let to = request.hasTo ? request.to.date : nil
        let limit = try PageSize.resolve(request.pageSize, default: 50, maximum: 500)
        let filters = PageToken.fingerprint([from.map { "\($0.timeIntervalSince1970)" } ?? "", to.map { "\($0.timeIntervalSince1970)" } ?? ""])
        let after = try PageToken.decode(request.pageToken, filters: filters, kinds: [.time, .text])
        let page = try await database.withConnection { try DisputeStore.list(from: from, to: to, after: after, limit: limit, on: $0) }
        return .with {
            $0.disputes = page.disputes.map(\.proto)
            if page.hasMore, let last = page.disputes.last {
                $0.nextPageToken = PageToken(position: [.time(last.createdAt), .text(last.id)], filters: filters).encoded
            }
        }
    }
}
