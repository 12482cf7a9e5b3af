import FenliuModel
import Foundation
import Postgres

/// A published rules version as stored.
struct PublishedRules: Sendable {
    /// The version name.
    var version: String
    /// When it was published.
    var publishedAt: Date
    /// Who published it.
    var publishedBy: String
    /// Its rules, in the order given.
    var rules: [RoutingRule]
}

/// Published routing-rule versions. Versions are kept for good: each ticket names the version it
/// was routed by, so a dispute about last month's routing can be read against last month's rules.
enum RuleStore {
    private struct StoredRule: Codable {
        var category: String
        var district: String
        var departmentId: String
    }

    /// The latest published version, or `nil` before the first publication.
    static func current(on connection: PostgresConnection) throws -> PublishedRules? {
        try connection.query("SELECT version, published_at, published_by, rules FROM rule_versions ORDER BY sequence DESC LIMIT 1")
            .first.map(published(from:))
    }

    /// One version, or `nil`.
    static func find(version: String, on connection: PostgresConnection) throws -> PublishedRules? {
        try connection.query("SELECT version, published_at, published_by, rules FROM rule_versions WHERE version = \(version)")
            .first.map(published(from:))
    }

    /// Stores a new version; an empty name becomes `v<sequence>`. Throws `rulesVersionExists`.
    static func publish(version: String, by publisher: String, rules: [RoutingRule], on connection: PostgresConnection) throws -> PublishedRules {
        let stored = rules.map { StoredRule(category: $0.category.code, district: $0.district, departmentId: $0.departmentID) }
        let json = String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
        try connection.query("LOCK TABLE rule_versions IN SHARE ROW EXCLUSIVE MODE")
        var name = version
        if name.isEmpty {
            let next: Int = try connection.query("SELECT COALESCE(max(sequence), 0) + 1 AS next FROM rule_versions").first?.decode("next") ?? 1
            name = "v\(next)"
        }
        guard try find(version: name, on: connection) == nil else { throw RoutingError.rulesVersionExists(name) }
        try connection.query("INSERT INTO rule_versions (version, published_by, rules) VALUES (\(name), \(publisher), \(json))")
        guard let published = try find(version: name, on: connection) else { throw RoutingError.rulesVersionNotFound(name) }
        return published
    }

    private static func published(from row: PostgresRow) throws -> PublishedRules {
        let json: String = try row.decode("rules")
        let stored = try JSONDecoder().decode([StoredRule].self, from: Data(json.utf8))
        return PublishedRules(
            version: try row.decode("version"), publishedAt: try row.decode("published_at"),
            publishedBy: try row.decode("published_by"),
            rules: try stored.map { rule in
                guard let category = Category(code: rule.category) else {
                    throw PostgresError(code: .decodingFailed, message: "column \"rules\" holds an unknown category")
                }
                return RoutingRule(category: category, district: rule.district, departmentID: rule.departmentId)
            }
        )
    }
}
