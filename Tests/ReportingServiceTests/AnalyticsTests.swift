import FenliuModel
import Foundation
import RPC
import ReportingService
import SwiftProtobuf
import TestSupport
import Testing

/// The multi-dimensional view, disputes, hot spots, hop latency, classification quality and the
/// explanation of a figure, on the November fixture.
@Suite("Reporting: analyses")
struct AnalyticsTests {
    static let november = (
        from: Google_Protobuf_Timestamp(date: EventLog.chengdu("2026-11-01 00:00")),
        to: Google_Protobuf_Timestamp(date: EventLog.chengdu("2026-12-01 00:00"))
    )

    @Test("QueryMetrics groups by district, by hour and day in Chengdu time, and filters by channel")
    func metrics() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            func query(_ groupBy: [Fenliu_Reporting_V1_Dimension], channel: Fenliu_Common_V1_Channel = .unspecified) async throws
                -> [Fenliu_Reporting_V1_MetricRow]
            {
                try await harness.client.call(
                    ReportingAPI.queryMetrics,
                    .with {
                        $0.from = Self.november.from
                        $0.to = Self.november.to
                        $0.groupBy = groupBy
                        $0.channel = channel
                    }
                ).rows
            }
            let byDistrict = Dictionary(uniqueKeysWithValues: try await query([.district]).map { ($0.keys["district"] ?? "?", $0) })
            #expect(byDistrict["510104"]?.calls == 4)
            #expect(byDistrict["510104"]?.diverted == 1)
            #expect(byDistrict["510104"]?.tickets == 3)
            #expect(byDistrict["510107"]?.calls == 3)
            #expect(byDistrict["510107"]?.tickets == 1)
            #expect(byDistrict["510107"]?.overdue == 1)
            #expect(byDistrict["510107"].map { "\($0.onTimeResolutionRate.numerator)/\($0.onTimeResolutionRate.denominator)" } == "0/1")

            let byHour = try await query([.hour], channel: .channel110)
            let calls = Dictionary(uniqueKeysWithValues: byHour.map { ($0.keys["hour"] ?? "?", $0.calls) })
            #expect(calls["00"] == 1, "c1 at 00:30 on the 1st")
            #expect(calls["23"] == 1, "c3 at 23:30 on the 30th")
            #expect(calls["10"] == 2)
            let byDay = try await query([.day, .channel])
            #expect(byDay.contains { $0.keys == ["day": "2026-11-30", "channel": "CHANNEL_110"] && $0.calls == 1 })
            #expect(byDay.contains { $0.keys == ["day": "2026-11-01", "channel": "CHANNEL_110"] && $0.calls == 1 })
            #expect(!byDay.contains { $0.keys["day"] == "2026-10-31" || $0.keys["day"] == "2026-12-01" })
            #expect(byDay.map(\.calls).reduce(0, +) == 7)

            let error = await #expect(throws: ConnectError.self) {
                _ = try await harness.client.call(
                    ReportingAPI.queryMetrics,
                    .with {
                        $0.from = Self.november.to
                        $0.to = Self.november.from
                        $0.groupBy = [.day, .day]
                    })
            }
            #expect(Set(error?.fieldViolations.map(\.field) ?? []) == ["to", "groupBy[1]"])
        }
    }

    @Test("disputed matters list the departments and reasons; hot spots list the calls behind them")
    func disputesAndHotspots() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            let matters = try await harness.client.call(ReportingAPI.listDisputedMatters, .with { $0.month = "2026-11" }).matters
            #expect(matters.count == 1)
            let matter = try #require(matters.first)
            #expect(matter.category == .cityAppearance)
            #expect(matter.district == "510104")
            #expect(matter.disputes == 1)
            #expect(Set(matter.departmentIds) == ["510104-cgj", "510104-scj"])
            #expect(matter.reasons == ["不属于本部门职责，\n应由市场监管处理"])
            #expect(matter.ticketIds == ["t4"])

            func hotspots(minimum: Int32) async throws -> [Fenliu_Reporting_V1_Hotspot] {
                try await harness.client.call(
                    ReportingAPI.listHotspots,
                    .with {
                        $0.from = Self.november.from
                        $0.to = Self.november.to
                        $0.minimumCalls = minimum
                    }
                ).hotspots
            }
            let three = try await hotspots(minimum: 0)
            #expect(three.map(\.place) == [NovemberFixture.place])
            #expect(three.first?.callIds == ["c1", "c5", "c9"])
            #expect(three.first?.district == "510104")
            let two = try await hotspots(minimum: 2)
            #expect(two.contains { $0.place == "incident:c3" && $0.callIds == ["c7", "c3"] })
            let error = await #expect(throws: ConnectError.self) { _ = try await hotspots(minimum: 1) }
            #expect(error?.fieldViolations.map(\.field) == ["minimumCalls"])
        }
    }

    @Test("hop latency and classification quality for the month")
    func hopsAndQuality() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            let hops = try await harness.client.call(ReportingAPI.getHopLatency, .with { $0.month = "2026-11" }).hops
            #expect(
                hops.map(\.name) == ["received→classified", "classified→ticket created", "ticket created→delivered", "delivered→accepted", "accepted→resolved"])
            #expect(hops[0].count == 6)
            #expect(hops[0].p50Seconds == 2)
            #expect(hops[2].count == 1)
            #expect(hops[2].p99Seconds == 60)

            let quality = try await harness.client.call(ReportingAPI.getClassificationQuality, .with { $0.month = "2026-11" })
            #expect(quality.total.classified == 6)
            #expect("\(quality.total.reviewRate.numerator)/\(quality.total.reviewRate.denominator)" == "1/6")
            #expect("\(quality.total.reviewChangeRate.numerator)/\(quality.total.reviewChangeRate.denominator)" == "1/1")
            // c7 was proposed as a dispute and reviewed into a crime: the review counts against the
            // proposal it corrected, not the category it gave.
            let crime = try #require(quality.categories.first { $0.category == .crimeReport })
            #expect(crime.classified == 2)
            #expect(crime.reviewRate.numerator == 0)
            let dispute = try #require(quality.categories.first { $0.category == .disputeMediation })
            #expect(dispute.reviewRate.numerator == 1)
            #expect("\(dispute.reviewChangeRate.numerator)/\(dispute.reviewChangeRate.denominator)" == "1/1")
            // A review that arrives before the classification it corrected holds the category it changed.
            var late = EventLog()
            let at = EventLog.chengdu("2026-11-15 09:00")
            late.received("c-late", .channel12345, NovemberFixture.wuhou, at: at)
            late.reviewed(
                "c-late", .channel12345, NovemberFixture.wuhou, .marketRegulation, "HOTLINE_12345", at: at.addingTimeInterval(60), changed: true,
                previous: .cityAppearance)
            late.classified("c-late", .channel12345, NovemberFixture.wuhou, .cityAppearance, "HOTLINE_12345", at: at.addingTimeInterval(2), needsReview: true)
            try await harness.ingest(late.events)
            let after = try await harness.client.call(ReportingAPI.getClassificationQuality, .with { $0.month = "2026-11" })
            #expect(after.categories.first { $0.category == .cityAppearance }?.reviewChangeRate.numerator == 1)
            #expect(after.categories.first { $0.category == .marketRegulation } == nil)
        }
    }

    @Test("ExplainFigure gives a figure's value as the bulletin has it and the events behind it")
    func explain() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            let bulletin = try await harness.bulletin("2026-11")
            func explain(_ figure: String, department: String = "") async throws -> Fenliu_Reporting_V1_ExplainFigureResponse {
                try await harness.client.call(
                    ReportingAPI.explainFigure,
                    .with {
                        $0.month = "2026-11"
                        $0.figure = figure
                        $0.departmentID = department
                    })
            }
            let diversion = try await explain("diversion_rate")
            #expect(diversion.value.numerator == bulletin.total.diversionRate.numerator)
            #expect(diversion.value.denominator == bulletin.total.diversionRate.denominator)
            #expect(diversion.numeratorEvents.map(\.callID) == ["c1"])
            #expect(Set(diversion.denominatorEvents.map(\.callID)) == ["c1", "c3", "c7"])
            let returns = try await explain("return_rate", department: "510104-cgj")
            #expect("\(returns.value.numerator)/\(returns.value.denominator)" == "1/2")
            #expect(returns.numeratorEvents.contains { $0.type == "ticket.reassigned" && $0.ticketID == "t4" })
            #expect(diversion.kind == "rate")
            // The bulletin JSON's own spelling of a figure is read too.
            let camel = try await explain("diversionRate")
            #expect(camel.value == diversion.value)
            #expect(camel.kind == "rate")
            #expect(try await explain("handedTo110").value.numerator == bulletin.total.handedTo110)
            let extensions = try await explain("extensions")
            #expect(extensions.value.numerator == bulletin.total.extensions)
            #expect(extensions.kind == "count")
            // Every figure the bulletin has is explained, each read the way the bulletin gives it.
            for (figure, count) in [
                ("calls", bulletin.total.calls), ("handed_to_110", bulletin.total.handedTo110), ("tickets", bulletin.total.tickets),
                ("overdue", bulletin.total.overdue), ("diversion_objections", bulletin.total.diversionObjections),
            ] {
                let explained = try await explain(figure)
                #expect(explained.kind == "count", "\(figure)")
                #expect(explained.value.numerator == count, "\(figure)")
            }
            let satisfaction = try await explain("satisfaction_rate")
            #expect(satisfaction.value.numerator == 2)
            #expect(satisfaction.numeratorEvents.allSatisfy { $0.type == "callback.recorded" })

            let error = await #expect(throws: ConnectError.self) { _ = try await explain("happiness", department: "x") }
            #expect(error?.fieldViolations.map(\.field) == ["figure"])
            let callsByDepartment = await #expect(throws: ConnectError.self) { _ = try await explain("calls", department: "510104-cgj") }
            #expect(callsByDepartment?.fieldViolations.map(\.field) == ["departmentId"])
        }
    }
}
