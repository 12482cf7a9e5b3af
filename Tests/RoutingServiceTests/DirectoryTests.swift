import FenliuModel
import Foundation
import Postgres
import RPC
import SwiftProtobuf
import TestSupport
import Testing

@Suite("The directory: seed, departments, versioned rules")
struct DirectoryTests {
    @Test("the seed directory is loaded on first start: 239 departments for Chengdu's 22 areas, 236 rules")
    func seeded() async throws {
        try await RoutingHarness.with { routing in
            let all = try await routing.client.call(RoutingAPI.listDepartments, .with { $0.includeInactive = true }).departments
            #expect(all.count == 239)
            let jinjiang = try await routing.client.call(RoutingAPI.listDepartments, .with { $0.district = "510104" }).departments
            #expect(jinjiang.count == 10)
            #expect(jinjiang.contains { $0.name == "锦江区综合行政执法局" && $0.level == .district })
            let rules = try await routing.client.call(RoutingAPI.getRoutingRules, .init()).rules
            #expect(rules.version == "2026.1")
            #expect(rules.rules.count == 236)
            #expect(rules.publishedBy == "seed")
        }
    }

    @Test("a department's secret is write-only and kept when an edit leaves it empty")
    func secretIsWriteOnly() async throws {
        try await RoutingHarness.with { routing in
            let department = Fenliu_Routing_V1_Department.with {
                $0.id = "510104-chunxi"
                $0.name = "春熙路街道办事处"
                $0.level = .street
                $0.district = "510104"
                $0.endpointURL = "https://example.invalid/hooks"
                $0.active = true
                $0.categories = [.cityAppearance]
            }
            let created = try await routing.client.call(
                RoutingAPI.upsertDepartment,
                .with {
                    $0.department = department
                    $0.webhookSecret = "street-secret"
                }
            ).department
            #expect(created.hasWebhookSecret_p)
            #expect(try !created.jsonString().contains("street-secret"))
            var renamed = department
            renamed.name = "锦江区春熙路街道办事处"
            renamed.categories = [.cityAppearance, .publicFacilities, .cityAppearance]
            let edited = try await routing.client.call(RoutingAPI.upsertDepartment, .with { $0.department = renamed }).department
            #expect(edited.hasWebhookSecret_p)
            #expect(edited.name == "锦江区春熙路街道办事处")
            #expect(edited.categories == [.cityAppearance, .publicFacilities], "a category listed twice is kept once")
            // A bad value inside the department is named to its field.
            let nested = await #expect(throws: ConnectError.self) {
                try await routing.client.send(
                    path: RoutingAPI.upsertDepartment.path, jsonBody: Array(#"{"department":{"id":"510104-chunxi","level":"BOGUS"}}"#.utf8))
            }
            #expect(nested?.fieldViolations.map(\.field) == ["department.level"], "\(String(describing: nested))")

            let bad = await #expect(throws: ConnectError.self) {
                try await routing.client.call(
                    RoutingAPI.upsertDepartment,
                    .with {
                        $0.department = .with {
                            $0.id = "x y"; $0.level = .district; $0.endpointURL = "ftp://x"
                        }
                    })
            }
            #expect(
                Set(bad?.fieldViolations.map(\.field) ?? [])
                    == ["department.id", "department.name", "department.district", "department.endpointUrl"])
            let metadata = await #expect(throws: ConnectError.self) {
                try await routing.client.call(
                    RoutingAPI.upsertDepartment,
                    .with {
                        $0.department = .with {
                            $0.id = "510104-test"; $0.name = "测试"; $0.level = .district; $0.district = "510104"
                            $0.endpointURL = "http://169.254.169.254/latest/meta-data"
                        }
                    })
            }
            #expect(metadata?.fieldViolations.map(\.field) == ["department.endpointUrl"])
        }
    }

    @Test("publishing validates every rule, keeps old versions, and new tickets record the version used")
    func publishRules() async throws {
        try await RoutingHarness.with { routing in
            let bad = await #expect(throws: ConnectError.self) {
                try await routing.client.call(
                    RoutingAPI.publishRoutingRules,
                    .with {
                        $0.rules.rules = [
                            .with {
                                $0.category = .cityAppearance; $0.district = "510104"; $0.departmentID = "510104-zjj"
                            },
                            .with {
                                $0.category = .cityAppearance; $0.district = "999"; $0.departmentID = "510104-cgzf"
                            },
                            .with {
                                $0.category = .environment; $0.departmentID = "ghost"
                            },
                            .with { $0.departmentID = "510104-cgzf" },
                            .with {
                                $0.category = .cityAppearance; $0.district = "510104"; $0.departmentID = "510104-cgzf"
                            },
                        ]
                    })
            }
            #expect(bad?.code == .invalidArgument)
            #expect(
                bad?.fieldViolations.map(\.field) == [
                    "rules.rules[1].district", "rules.rules[2].departmentId", "rules.rules[3].category", "rules.rules[4]",
                ])

            let published = try await routing.client.call(
                RoutingAPI.publishRoutingRules,
                .with {
                    $0.rules.publishedBy = "directory admin"
                    $0.rules.rules = [
                        .with {
                            $0.category = .cityAppearance; $0.district = "510104"; $0.departmentID = "510104-zjj"
                        }
                    ]
                }
            ).rules
            #expect(published.version == "v2")
            let ticket = try #require(try await routing.route(call: "call-ads", category: .cityAppearance, destinations: [.hotline12345]).first)
            #expect(ticket.departmentID == "510104-zjj")
            let rulesVersion = try await routing.database.query("SELECT rules_version FROM tickets").first?.decode("rules_version", as: String.self)
            #expect(rulesVersion == "v2")
            let audited = try await routing.database.query("SELECT target FROM audit WHERE action = 'rules.published'").map {
                try $0.decode("target", as: String.self)
            }
            #expect(audited == ["v2"], "the audit names the version the store numbered")
            let controlled = await #expect(throws: ConnectError.self) {
                try await routing.client.call(
                    RoutingAPI.publishRoutingRules,
                    .with {
                        $0.rules.version = "v with\nbreak"
                        $0.rules.rules = published.rules
                    })
            }
            #expect(controlled?.fieldViolations.map(\.field) == ["rules.version"])
            // No publisher named: the caller as the audit trail names it (here, with keys off, the
            // service itself), never a made-up "unknown".
            let unsigned = try await routing.client.call(RoutingAPI.publishRoutingRules, .with { $0.rules.rules = published.rules }).rules
            #expect(unsigned.version == "v3")
            #expect(unsigned.publishedBy == "system")

            #expect(try await routing.client.call(RoutingAPI.getRoutingRules, .with { $0.version = "2026.1" }).rules.rules.count == 236)
            let duplicate = await #expect(throws: ConnectError.self) {
                try await routing.client.call(
                    RoutingAPI.publishRoutingRules,
                    .with {
                        $0.rules.version = "2026.1"
                        $0.rules.rules = published.rules
                    })
            }
            #expect(duplicate?.code == .alreadyExists)
            let missing = await #expect(throws: ConnectError.self) {
                try await routing.client.call(RoutingAPI.getRoutingRules, .with { $0.version = "1999" })
            }
            #expect(missing?.code == .notFound)
        }
    }

    @Test("the next Route sees a change to the directory or the rules made anywhere: through the API, by another replica, in psql")
    func changesSeenByTheNextRoute() async throws {
        try await RoutingHarness.with { routing in
            func changes() async throws -> Int64 {
                try await routing.database.query("SELECT count FROM directory_changes").first?.decode("count") ?? -1
            }
            func route(_ call: String) async throws -> String {
                try #require(try await routing.route(call: call, category: .cityAppearance, destinations: [.hotline12345]).first).departmentID
            }
            // The first Route keeps the resolver it built.
            let holder = try await route("kept-1")
            #expect(holder != "510104-zjj")
            // Straight in the database, as another replica or a person in psql would.
            let before = try await changes()
            try await routing.database.query("UPDATE departments SET active = false WHERE id = \(holder)")
            #expect(try await changes() == before + 1)
            #expect(try await route("kept-2") != holder)
            try await routing.database.query("UPDATE departments SET active = true WHERE id = \(holder)")
            #expect(try await route("kept-3") == holder)
            // A rules version published through this service.
            _ = try await routing.client.call(
                RoutingAPI.publishRoutingRules,
                .with {
                    $0.rules.version = "v-kept"
                    $0.rules.rules = [
                        .with {
                            $0.category = .cityAppearance; $0.district = "510104"; $0.departmentID = "510104-zjj"
                        }
                    ]
                })
            #expect(try await route("kept-4") == "510104-zjj")
            let version = try await routing.database.query("SELECT rules_version FROM tickets WHERE call_id = 'kept-4'").first?.decode(
                "rules_version", as: String.self)
            #expect(version == "v-kept")
            // Reading tickets changes nothing: the count moves only with the directory and the rules.
            let settled = try await changes()
            _ = try await route("kept-5")
            #expect(try await changes() == settled)
            // A session whose search path does not name routing's schema (psql's default) still
            // counts in routing's own table: the department the published rule names is deactivated.
            let schema = try #require(try await routing.database.query("SELECT current_schema() AS s").first?.decode("s", as: String.self))
            try await routing.database.query("SET search_path TO public")
            try await routing.database.query(
                "UPDATE \(unescaped: "\"" + schema + "\"").departments SET active = false WHERE id = '510104-zjj'")
            try await routing.database.query("SET search_path TO \(unescaped: "\"" + schema + "\"")")
            #expect(try await changes() == settled + 1)
            #expect(try await route("kept-6") != "510104-zjj")
            // Without the row nothing is kept: every Route reads the tables.
            try await routing.database.query("DELETE FROM directory_changes")
            try await routing.database.query("UPDATE departments SET active = true WHERE id = '510104-zjj'")
            #expect(try await route("kept-7") == "510104-zjj")
        }
    }

    @Test("110, 119 and 120 cannot lose their endpoint or be deactivated")
    func emergencyServicesStayReachable() async throws {
        try await RoutingHarness.with { routing in
            try await routing.setEndpoint("police-110", url: "http://127.0.0.1:9/hooks/police-110")
            var police = try required(
                try await routing.client.call(RoutingAPI.listDepartments, .init()).departments.first { $0.id == "police-110" }, "police-110")
            police.endpointURL = ""
            police.active = false
            let error = await #expect(throws: ConnectError.self) {
                try await routing.client.call(RoutingAPI.upsertDepartment, .with { $0.department = police })
            }
            #expect(error?.code == .invalidArgument)
            #expect(Set(error?.fieldViolations.map(\.field) ?? []) == ["department.endpointUrl", "department.active"])
        }
    }
}
