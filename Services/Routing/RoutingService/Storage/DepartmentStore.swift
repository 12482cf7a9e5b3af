import FenliuModel
import Foundation
import Postgres

/// The departments table. Functions take a connection so callers compose them in one transaction.
enum DepartmentStore {
    private static let columns = "id, name, level, district, endpoint_url, active, webhook_secret IS NOT NULL AS has_secret, categories"

    /// Departments ordered by id, optionally of one district, active only unless asked.
    static func list(district: String, includeInactive: Bool, on connection: PostgresConnection) throws -> [Department] {
        try connection.query(
            """
            SELECT \(unescaped: columns) FROM departments
            WHERE (\(district) = '' OR district = \(district)) AND (\(includeInactive) OR active)
            ORDER BY id
            """
        ).map(department(from:))
    }

    /// Every department, active or not (for rule resolution, which skips inactive ones itself).
    static func all(on connection: PostgresConnection) throws -> [Department] {
        try list(district: "", includeInactive: true, on: connection)
    }

    /// One department, or `nil`.
    static func find(_ id: String, on connection: PostgresConnection) throws -> Department? {
        try connection.query("SELECT \(unescaped: columns) FROM departments WHERE id = \(id)", plan: .cached).first.map(department(from:))
    }

    /// Whether the table is empty (first start).
    static func isEmpty(on connection: PostgresConnection) throws -> Bool {
        try connection.query("SELECT NOT EXISTS (SELECT 1 FROM departments) AS empty").first?.decode("empty", as: Bool.self) ?? true
    }

    /// Inserts or updates a department. A `nil` or empty secret keeps the stored one.
    static func upsert(_ department: Department, secret: String?, on connection: PostgresConnection) throws {
        let categories = department.categories.map(\.code).joined(separator: ",")
        let newSecret = secret.flatMap { $0.isEmpty ? nil : $0 }
        try connection.query(
            """
            INSERT INTO departments (id, name, level, district, endpoint_url, webhook_secret, active, categories)
            VALUES (\(department.id), \(department.name), \(department.level.rawValue), \(department.district),
                    \(department.endpointURL), \(newSecret), \(department.isActive), \(categories))
            ON CONFLICT (id) DO UPDATE SET
                name = EXCLUDED.name, level = EXCLUDED.level, district = EXCLUDED.district,
                endpoint_url = EXCLUDED.endpoint_url, active = EXCLUDED.active, categories = EXCLUDED.categories,
                webhook_secret = COALESCE(EXCLUDED.webhook_secret, departments.webhook_secret), updated_at = now()
            """)
    }

    /// Where the department's tickets go now: its endpoint and its own secret (`nil`: sign with the
    /// default); `nil` when it has no endpoint (or does not exist).
    static func endpoint(of id: String, on connection: PostgresConnection) throws -> (url: String, secret: String?)? {
        guard let row = try connection.query("SELECT endpoint_url, webhook_secret FROM departments WHERE id = \(id)", plan: .cached).first else { return nil }
        let url: String = try row.decode("endpoint_url")
        guard !url.isEmpty else { return nil }
        return (url, try row.decode("webhook_secret", as: String?.self))
    }

    private static func department(from row: PostgresRow) throws -> Department {
        let categories: String = try row.decode("categories")
        return Department(
            id: try row.decode("id"), name: try row.decode("name"),
            level: try row.decode("level", as: Department.Level.self),
            district: try row.decode("district"), endpointURL: try row.decode("endpoint_url"),
            isActive: try row.decode("active"), hasWebhookSecret: try row.decode("has_secret"),
            categories: try categories.split(separator: ",").map { code in
                guard let category = Category(code: String(code)) else {
                    throw PostgresError(code: .decodingFailed, message: "column \"categories\" holds an unknown category")
                }
                return category
            }
        )
    }
}
