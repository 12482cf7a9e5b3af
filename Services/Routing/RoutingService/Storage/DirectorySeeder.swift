import FenliuModel
import Foundation
import Postgres

/// Loads the seed directory (`Resources/seed-directory.json`: Chengdu's 22 areas, every catalogue
/// category) on first start, when the departments table is empty. Running it again does nothing,
/// and replicas starting together seed once (advisory lock), so it is safe on every start.
enum DirectorySeeder {
    private struct SeedFile: Decodable {
        var version: String
        var departments: [SeedDepartment]
        var rules: [SeedRule]
    }

    private struct SeedDepartment: Decodable {
        var id: String
        var name: String
        var level: String
        var district: String?
        var categories: [String]
    }

    private struct SeedRule: Decodable {
        var category: String
        var district: String?
        var departmentId: String
    }

    /// The seed file shipped with the service.
    static func bundledSeed() throws -> Data {
        guard let url = Bundle.module.url(forResource: "seed-directory", withExtension: "json", subdirectory: "Resources") else {
            throw PolicyError("the seed directory is missing from the service bundle")
        }
        return try Data(contentsOf: url)
    }

    /// Seeds an empty directory; returns whether it did. Departments get `defaultEndpoint/<id>` as
    /// their webhook when `defaultEndpoint` is set (the local stack's stand-in receiver).
    @discardableResult
    static func seedIfEmpty(_ seed: Data, defaultEndpoint: String?, on pool: PostgresPool) async throws -> Bool {
        let file = try JSONDecoder().decode(SeedFile.self, from: seed)
        return try await pool.transaction { connection in
            try connection.query("SELECT pg_advisory_xact_lock(hashtext('routing.seed'))")
            guard try DepartmentStore.isEmpty(on: connection), try RuleStore.current(on: connection) == nil else { return false }
            for entry in file.departments {
                let endpoint = defaultEndpoint.map { "\($0)/\(entry.id)" } ?? ""
                let department = Department(
                    id: entry.id, name: entry.name, level: Department.Level(rawValue: entry.level.uppercased()) ?? .district,
                    district: entry.district ?? "", endpointURL: endpoint,
                    categories: entry.categories.compactMap(Category.init(code:))
                )
                try DepartmentStore.upsert(department, secret: nil, on: connection)
            }
            let rules = file.rules.compactMap { rule in
                Category(code: rule.category).map { RoutingRule(category: $0, district: rule.district ?? "", departmentID: rule.departmentId) }
            }
            _ = try RuleStore.publish(version: file.version, by: "seed", rules: rules, on: connection)
            return true
        }
    }
}
