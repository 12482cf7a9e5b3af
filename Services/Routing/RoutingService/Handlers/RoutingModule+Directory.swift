import FenliuModel
import Foundation
import Postgres
import RPC
import ServiceSupport
import SwiftProtobuf

extension RoutingModule {
    /// `ListDepartments`.
    func listDepartments(_ request: Fenliu_Routing_V1_ListDepartmentsRequest) async throws -> Fenliu_Routing_V1_ListDepartmentsResponse {
        let departments = try await database.withConnection { connection in
            try DepartmentStore.list(district: request.district, includeInactive: request.includeInactive, on: connection)
        }
        return .with { $0.departments = departments.map(\.proto) }
    }

    /// `UpsertDepartment`: creates or edits a department. The webhook secret is write-only (an empty
    /// one keeps the stored secret). Giving a department an endpoint sends it the tickets that were
    /// waiting for one.
    func upsertDepartment(_ request: Fenliu_Routing_V1_UpsertDepartmentRequest) async throws -> Fenliu_Routing_V1_UpsertDepartmentResponse {
        let department = try DirectoryValidation.department(request.department)
        let secret = request.webhookSecret
        let stored = try await database.transaction { connection in
            try DepartmentStore.upsert(department, secret: secret, on: connection)
            if !department.endpointURL.isEmpty {
                for ticketID in try TicketStore.awaitingEndpoint(departmentID: department.id, on: connection) {
                    try deliver(ticketID, on: connection)
                }
            }
            guard let stored = try DepartmentStore.find(department.id, on: connection) else { throw RoutingError.departmentNotFound(department.id) }
            return stored
        }
        environment.outbox.committed()
        return .with { $0.department = stored.proto }
    }

    /// `GetRoutingRules`: the current version, or the one named.
    func getRoutingRules(_ request: Fenliu_Routing_V1_GetRoutingRulesRequest) async throws -> Fenliu_Routing_V1_GetRoutingRulesResponse {
        let version = request.version
        let rules = try await database.withConnection { connection in
            version.isEmpty ? try RuleStore.current(on: connection) : try RuleStore.find(version: version, on: connection)
        }
        guard let rules else { throw RoutingError.rulesVersionNotFound(version) }
        return .with { $0.rules = rules.proto }
    }

    /// `PublishRoutingRules`: validates every rule against the catalogue, the districts and the active
    /// directory, then stores a new version that new tickets are routed by. Old versions are kept.
    func publishRoutingRules(_ request: Fenliu_Routing_V1_PublishRoutingRulesRequest) async throws -> Fenliu_Routing_V1_PublishRoutingRulesResponse {
        let submitted = request.rules
        let published = try await database.transaction { connection in
            let departments = try DepartmentStore.all(on: connection)
            let rules = try DirectoryValidation.rules(submitted.rules, departments: departments)
            let publisher = submitted.publishedBy.isEmpty ? "unknown" : submitted.publishedBy
            return try RuleStore.publish(version: submitted.version, by: publisher, rules: rules, on: connection)
        }
        return .with { $0.rules = published.proto }
    }

    /// `ListDisputes`: disputes opened in [from, to), oldest first, paged.
    func listDisputes(_ request: Fenliu_Routing_V1_ListDisputesRequest) async throws -> Fenliu_Routing_V1_ListDisputesResponse {
        let from = request.hasFrom ? request.from.date : nil
        let to = request.hasTo ? request.to.date : nil
        let limit = try RoutingPageToken.pageSize(request.pageSize, field: "pageSize")
        var after: (Date, String)?
        if let token = try RoutingPageToken.decode(request.pageToken, parts: 2, field: "pageToken") {
            guard let created = Date(postgresText: token.parts[0]) else { throw RoutingError.invalidField("pageToken", "is not a page token from this service") }
            after = (created, token.parts[1])
        }
        let start = after
        let page = try await database.withConnection { try DisputeStore.list(from: from, to: to, after: start, limit: limit, on: $0) }
        return .with {
            $0.disputes = page.disputes.map(\.proto)
            if page.hasMore, let last = page.disputes.last {
                $0.nextPageToken = RoutingPageToken(parts: [last.createdAt.postgresText, last.id]).encoded
            }
        }
    }
}

extension PublishedRules {
    /// The version as the API shows it.
    var proto: Fenliu_Routing_V1_RoutingRules {
        .with { message in
            message.version = version
            message.publishedAt = Google_Protobuf_Timestamp(date: publishedAt)
            message.publishedBy = publishedBy
            message.rules = rules.map { rule in
                .with {
                    $0.category = rule.category.proto
                    $0.district = rule.district
                    $0.departmentID = rule.departmentID
                }
            }
        }
    }
}
