import FenliuModel
import Foundation
import Postgres
import RPC
import ReportingService
import SwiftProtobuf
import TestSupport
import Testing

/// Events in: checked as a whole batch, stored once per id, never personal data.
@Suite("Reporting: events in")
struct IngestTests {
    static func event(_ id: String, _ mutate: (inout Fenliu_Reporting_V1_Event) -> Void = { _ in }) -> Fenliu_Reporting_V1_Event {
        var event = Fenliu_Reporting_V1_Event.with {
            $0.id = id
            $0.source = "intake"
            $0.type = "call.received"
            $0.occurredAt = Google_Protobuf_Timestamp(date: EventLog.chengdu("2026-11-05 10:00"))
            $0.callID = id
            $0.channel = .channel110
            $0.district = "510104"
        }
        mutate(&event)
        return event
    }

    @Test("a bad event refuses the whole batch, naming the event and the field, and stores nothing")
    func badBatch() async throws {
        try await ReportingHarness.with { harness in
            let cases: [(Fenliu_Reporting_V1_Event, String)] = [
                (Self.event("") { _ in }, "events[1].id"),
                (Self.event("x") { $0.clearOccurredAt() }, "events[1].occurredAt"),
                (Self.event("x") { $0.district = "锦江区" }, "events[1].district"),
                (Self.event("x") { $0.type = "call received!" }, "events[1].type"),
                (Self.event("x") { $0.attributes["caller_phone"] = "13800001111" }, "events[1].attributes[caller_phone]"),
                (Self.event("x") { $0.attributes["address"] = "东大街 1 号" }, "events[1].attributes[address]"),
                (Self.event("x") { $0.attributes["reason"] = String(repeating: "长", count: 2001) }, "events[1].attributes[reason]"),
            ]
            for (bad, field) in cases {
                let error = await #expect(throws: ConnectError.self) {
                    try await harness.ingest([Self.event("good"), bad])
                }
                #expect(error?.code == .invalidArgument)
                #expect(error?.fieldViolations.map(\.field) == [field])
            }
            // PostgreSQL text holds no NUL: refused before anything is stored (by the JSON reader
            // already; the event's own check names the field for any other way in).
            for bad in [Self.event("x\u{0}y"), Self.event("x") { $0.departmentID = "dept\u{0}" }, Self.event("x") { $0.attributes["reason"] = "a\u{0}b" }] {
                let error = await #expect(throws: ConnectError.self) {
                    try await harness.ingest([Self.event("good"), bad])
                }
                #expect(error?.code == .invalidArgument)
            }
            let tooMany = (0...500).map { index in
                Fenliu_Reporting_V1_Event.with {
                    $0.id = "e\(index)"
                    $0.source = "t"
                    $0.type = "t"
                    $0.occurredAt = Google_Protobuf_Timestamp(seconds: 1_790_000_000)
                }
            }
            for events in [[], tooMany] {
                let error = await #expect(throws: ConnectError.self) {
                    _ = try await harness.client.call(ReportingAPI.ingestEvents, .with { $0.events = events })
                }
                #expect(error?.code == .invalidArgument, "\(String(describing: error))")
                #expect(error?.fieldViolations.map(\.field) == ["events"], "\(events.count) events")
            }
            let stored = try await harness.database.query("SELECT count(*) AS n FROM events").first?.decode("n", as: Int64.self)
            #expect(stored == 0)
        }
    }

    @Test("an event id counts once, in a batch or across batches; a repeated Idempotency-Key gets the first answer")
    func idempotent() async throws {
        try await ReportingHarness.with { harness in
            let first = try await harness.ingest([Self.event("a"), Self.event("b"), Self.event("a")])
            #expect(first.accepted == 2)
            #expect(first.duplicates == 1)
            let second = try await harness.ingest([Self.event("b"), Self.event("c")])
            #expect(second.accepted == 1)
            #expect(second.duplicates == 1)
            let request = Fenliu_Reporting_V1_IngestEventsRequest.with { $0.events = [Self.event("d")] }
            let once = try await harness.client.call(ReportingAPI.ingestEvents, request, headers: [("Idempotency-Key", "k-1")])
            let twice = try await harness.client.call(ReportingAPI.ingestEvents, request, headers: [("Idempotency-Key", "k-1")])
            #expect(once.accepted == 1)
            #expect(twice == once)
            let bulletin = try await harness.bulletin("2026-11")
            #expect(bulletin.total.calls == 4)
        }
    }

    @Test("a department keeps the name of its latest event, whatever order the events came in, in one batch or several")
    func latestName() async throws {
        try await ReportingHarness.with { harness in
            func named(_ id: String, _ name: String, _ hour: Int) -> Fenliu_Reporting_V1_Event {
                Self.event(id) {
                    $0.type = "ticket.reassigned"
                    $0.ticketID = "t-\(id)"
                    $0.departmentID = "510104-cgj"
                    $0.occurredAt = Google_Protobuf_Timestamp(date: EventLog.chengdu("2026-11-05 \(hour):00"))
                    $0.attributes["department_name"] = name
                }
            }
            func name() async throws -> String {
                try #require(try await harness.database.query("SELECT name FROM departments WHERE department_id = '510104-cgj'").first)
                    .decode("name")
            }
            // One batch: the old name, a rename, the old name again from an even earlier event, and
            // the old name back last of all (the batch is applied in its own order, not by time).
            _ = try await harness.ingest([named("a", "城管局", 10), named("b", "城市管理局", 12), named("c", "城管局", 9), named("d", "城管局", 13)])
            #expect(try await name() == "城管局")
            _ = try await harness.ingest([named("e", "城市管理局", 11)])
            #expect(try await name() == "城管局")
            _ = try await harness.ingest([named("f", "城管局", 14), named("g", "综合执法局", 15), named("h", "城管局", 14)])
            #expect(try await name() == "综合执法局")
            // A name the batch saw held, renamed by the batch, then named again by a later event.
            _ = try await harness.ingest([named("i", "综合执法局", 16), named("j", "城管局", 17), named("k", "综合执法局", 18)])
            #expect(try await name() == "综合执法局")
        }
    }

    @Test("a batch is stored as one set: every field and attribute exactly as sent, quotes, backslashes and any script included")
    func storedExactly() async throws {
        try await ReportingHarness.with { harness in
            let tricky = #"退回 "原因" \ 路径 C:\temp, {a}: [b] 😀 \u0041 '单引号'"#
            let event = Self.event(#"id "with" \ quotes"#) {
                $0.type = "ticket.returned"
                $0.ticketID = #"t\1,"2""#
                $0.departmentID = "510104-cgzf"
                $0.occurredAt = Google_Protobuf_Timestamp(seconds: 1_793_000_000, nanos: 123_456_000)
                $0.attributes["reason"] = tricky
            }
            #expect(try await harness.ingest([event, Self.event("plain")]).accepted == 2)
            let row = try #require(
                try await harness.database.query(
                    "SELECT id, ticket_id, department_id, occurred_at, attributes->>'reason' AS reason FROM events WHERE type = 'ticket.returned'"
                ).first)
            #expect(try row.decode("id", as: String.self) == event.id)
            #expect(try row.decode("ticket_id", as: String.self) == event.ticketID)
            #expect(try row.decode("department_id", as: String.self) == "510104-cgzf")
            #expect(try row.decode("occurred_at", as: Date.self) == event.occurredAt.date)
            #expect(try row.decode("reason", as: String.self) == tricky)
        }
    }

    @Test("reporting's schema holds no caller name, phone, email or address: no such column, no such attribute")
    func noPersonalData() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            let columns = try await harness.database.query(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            ).map { try $0.decode("column_name", as: String.self) }
            #expect(!columns.isEmpty)
            for word in ["phone", "email", "address", "caller", "contact"] {
                #expect(!columns.contains { $0.contains(word) }, "\(word): \(columns)")
            }
            let named = try await harness.database.query(
                "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'name'"
            ).map { try $0.decode("table_name", as: String.self) }
            #expect(Set(named).isSubset(of: ["departments", "schema_migrations"]), "only departments have names: \(named)")
            let keys = try await harness.database.query("SELECT DISTINCT jsonb_object_keys(attributes) AS k FROM events").map {
                try $0.decode("k", as: String.self)
            }
            #expect(
                Set(keys).isSubset(of: [
                    "destinations", "needs_review", "confidence", "changed", "kind", "destination", "priority",
                    "incident_id", "state", "sign_for_due", "resolve_due", "from_department", "reason", "returned", "clock", "satisfaction",
                    "objects_to_diversion", "place", "department_name",
                ]))
        }
    }
}
