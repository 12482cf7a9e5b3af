import FenliuModel
import Foundation
import Postgres
import ServiceSupport
import TestSupport
import Testing

@testable import RoutingService

@Suite("Routing configuration and seeding")
struct ConfigurationTests {
    @Test("environment variables: seeding switch, default endpoint, returns; bad values are named")
    func environment() throws {
        let standard = try RoutingConfiguration.fromEnvironment([:], service: .routing)
        #expect(standard.seedsDirectory)
        #expect(standard.defaultEndpoint == nil)
        #expect(standard.policy.returns.maximumReturns == 2)
        let custom = try RoutingConfiguration.fromEnvironment(
            [
                "FENLIU_ROUTING_SEED_DIRECTORY": "off", "FENLIU_ROUTING_DEFAULT_ENDPOINT": "http://127.0.0.1:8090/hooks/",
                "FENLIU_ROUTING_MAX_RETURNS": "3",
            ], service: .routing)
        #expect(!custom.seedsDirectory)
        #expect(custom.defaultEndpoint == "http://127.0.0.1:8090/hooks")
        #expect(custom.policy.returns.maximumReturns == 3)
        #expect(throws: ConfigurationError.self) { try RoutingConfiguration.fromEnvironment(["FENLIU_ROUTING_MAX_RETURNS": "0"], service: .routing) }
        #expect(throws: ConfigurationError.self) {
            try RoutingConfiguration.fromEnvironment(["FENLIU_ROUTING_DEFAULT_ENDPOINT": "receiver:8090"], service: .routing)
        }
        #expect(throws: ConfigurationError.self) {
            try RoutingConfiguration.fromEnvironment(["FENLIU_POLICY_FILE": "/nonexistent.json"], service: .routing)
        }
        // The rule UpsertDepartment applies to an endpoint: a cloud's metadata address is refused here too.
        let metadata = #expect(throws: ConfigurationError.self) {
            try RoutingConfiguration.fromEnvironment(["FENLIU_ROUTING_DEFAULT_ENDPOINT": "http://169.254.169.254/hooks"], service: .routing)
        }
        #expect(metadata?.description.contains("link-local") == true)
        // Every problem at once, so a deployment is fixed in one go.
        let error = #expect(throws: ConfigurationError.self) {
            try RoutingConfiguration.fromEnvironment(
                ["FENLIU_ROUTING_MAX_RETURNS": "0", "FENLIU_ROUTING_SEED_DIRECTORY": "maybe", "FENLIU_ROUTING_DEFAULT_ENDPOINT": "x"], service: .routing
            )
        }
        #expect(error?.problems.count == 3)
    }

    @Test("seeding fills an empty directory once, gives departments the default endpoint, and never runs again")
    func seedingIsIdempotent() async throws {
        let pool = try await TestDatabase.makePool("routing_seed")
        defer { Task { try? await pool.shutdown() } }
        try await Migrator.migrate(
            [Outbox.migrations, KeyStore.migrations, MigrationSet(component: "routing", migrations: RoutingModule.migrations)], on: pool)
        let seed = try DirectorySeeder.bundledSeed()
        #expect(try await DirectorySeeder.seedIfEmpty(seed, defaultEndpoint: "http://receiver/hooks", on: pool))
        #expect(try await !DirectorySeeder.seedIfEmpty(seed, defaultEndpoint: nil, on: pool))
        let police = try await pool.withConnection { try DepartmentStore.find("police-110", on: $0) }
        #expect(police?.endpointURL == "http://receiver/hooks/police-110")
        let counts = try await pool.query("SELECT (SELECT count(*) FROM departments) AS departments, (SELECT count(*) FROM rule_versions) AS versions")
        #expect(try counts.first?.decode("departments", as: Int.self) == 239)
        #expect(try counts.first?.decode("versions", as: Int.self) == 1)
    }

    @Test("every category in every district resolves to a department of the seed, never to the fallback")
    func seedCoversEveryMatter() async throws {
        let pool = try await TestDatabase.makePool("routing_cover")
        defer { Task { try? await pool.shutdown() } }
        try await Migrator.migrate(
            [Outbox.migrations, KeyStore.migrations, MigrationSet(component: "routing", migrations: RoutingModule.migrations)], on: pool)
        try await DirectorySeeder.seedIfEmpty(try DirectorySeeder.bundledSeed(), defaultEndpoint: nil, on: pool)
        let (rules, departments) = try await pool.withConnection { connection in
            (try RuleStore.current(on: connection)?.rules ?? [], try DepartmentStore.all(on: connection))
        }
        let resolver = RuleResolver(rules: rules, departments: departments)
        for district in FenliuModel.District.all {
            for category in FenliuModel.Category.allCases where !category.isEmergencyService {
                let found = resolver.resolve(category: category, district: district.code)
                #expect(found.step == .districtRule, "\(category.code) in \(district.name)")
            }
        }
    }
}
