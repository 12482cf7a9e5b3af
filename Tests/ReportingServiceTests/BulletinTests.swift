import FenliuModel
import Foundation
import Postgres
import RPC
import ReportingService
import SwiftProtobuf
import TestSupport
import Testing

/// The monthly bulletin against the November fixture, whose figures are worked out by hand in
/// `NovemberFixture`'s comment.
@Suite("Reporting: the monthly bulletin")
struct BulletinTests {
    static func rate(_ rate: Fenliu_Reporting_V1_Rate) -> String { "\(rate.numerator)/\(rate.denominator)" }

    @Test("November's figures are the hand-computed ones, with Asia/Shanghai month boundaries")
    func handComputed() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            let bulletin = try await harness.bulletin("2026-11")
            let total = bulletin.total
            #expect(bulletin.month == "2026-11")
            #expect(total.calls == 7)
            #expect(total.callsByChannel == ["CHANNEL_110": 4, "CHANNEL_12345": 2, "CHANNEL_119": 1])
            #expect(Self.rate(total.diversionRate) == "1/3")
            #expect(abs(total.diversionRate.value - 1.0 / 3) < 1e-9)
            #expect(total.handedTo110 == 1)
            #expect(total.tickets == 4)
            #expect(Self.rate(total.timelySignForRate) == "3/4")
            #expect(Self.rate(total.onTimeResolutionRate) == "2/3")
            #expect(Self.rate(total.returnRate) == "1/5")
            #expect(Self.rate(total.reopenRate) == "1/3")
            #expect(total.overdue == 1)
            #expect(total.extensions == 1)
            #expect(Self.rate(total.satisfactionRate) == "2/3")
            #expect(total.diversionObjections == 1, "t4's, on a 110 call; not t2's, on a 12345 call")

            // October: c2 at 23:30 on the 31st in Chengdu (15:30 UTC) and t6 belong to October.
            #expect(bulletin.previousTotal.calls == 1)
            #expect(Self.rate(bulletin.previousTotal.diversionRate) == "1/1")
            #expect(bulletin.previousTotal.tickets == 1)
            #expect(Self.rate(bulletin.previousTotal.onTimeResolutionRate) == "1/1")
            // December: c4 at 00:30 on 1 December in Chengdu (16:30 UTC on 30 November).
            let december = try await harness.bulletin("2026-12")
            #expect(december.total.calls == 1)
            #expect(december.total.tickets == 1)

            let districts = Dictionary(uniqueKeysWithValues: bulletin.districts.map { ($0.district, $0) })
            #expect(bulletin.districts.count == 22, "every area is listed, a quiet one with zeros")
            let jinjiang = try #require(districts["510104"])
            #expect(jinjiang.districtName == "锦江区")
            #expect(jinjiang.figures.calls == 4)
            #expect(Self.rate(jinjiang.figures.diversionRate) == "1/1")
            #expect(jinjiang.figures.handedTo110 == 1)
            #expect(jinjiang.figures.tickets == 3)
            #expect(Self.rate(jinjiang.figures.timelySignForRate) == "3/3")
            #expect(Self.rate(jinjiang.figures.returnRate) == "1/4")
            #expect(Self.rate(jinjiang.figures.satisfactionRate) == "1/2")
            let wuhou = try #require(districts["510107"])
            #expect(wuhou.figures.calls == 3)
            #expect(Self.rate(wuhou.figures.diversionRate) == "0/2")
            #expect(wuhou.figures.overdue == 1)
            #expect(districts["510106"]?.figures.calls == 0)

            // The ranking: 0.3 on-time + 0.2 sign-for + 0.3 satisfaction + 0.2 (1 − returns), a rate
            // with nothing to divide left out and the rest reweighted.
            let ranked = bulletin.departments.map { ($0.departmentID, $0.rank) }
            #expect(ranked.map(\.0) == ["510104-pcs", "510104-cgj", "510104-scj", "510107-cgj"])
            #expect(ranked.map(\.1) == [1, 2, 3, 4])
            let scores = Dictionary(uniqueKeysWithValues: bulletin.departments.map { ($0.departmentID, $0.score) })
            #expect(abs(scores["510104-pcs"]! - 1.0) < 1e-9)
            #expect(abs(scores["510104-cgj"]! - 0.9) < 1e-9)
            #expect(abs(scores["510104-scj"]! - 0.7) < 1e-9)
            #expect(abs(scores["510107-cgj"]! - 0.5) < 1e-9)
            let cgj = try #require(bulletin.departments.first { $0.departmentID == "510104-cgj" })
            #expect(cgj.departmentName == "锦江区城管局")
            #expect(cgj.district == "510104")
            #expect(Self.rate(cgj.figures.returnRate) == "1/2", "the return counts against the department that returned")
            #expect(cgj.previous.tickets == 1, "t6, October's")
            let scj = try #require(bulletin.departments.first { $0.departmentID == "510104-scj" })
            #expect(Self.rate(scj.figures.returnRate) == "0/1")

            // An area by its name reads as by its code, as intake and classification read it.
            for name in ["锦江区", "锦江", "錦江區"] {
                let byName = try await harness.bulletin("2026-11", district: name)
                #expect(byName.district == "510104", "\(name)")
                #expect(byName.total.calls == 4, "\(name)")
            }
            let unknown = await #expect(throws: ConnectError.self) { try await harness.bulletin("2026-11", district: "东城区") }
            #expect(unknown?.fieldViolations.map(\.field) == ["district"])
        }
    }

    @Test("110, 119 and 120 are listed with their tickets but neither ranked nor placed in a district")
    func emergencyServicesUnranked() async throws {
        try await ReportingHarness.with { harness in
            var log = NovemberFixture.log
            let at = EventLog.chengdu("2026-11-20 10:00")
            log.received("c-police", .channel110, NovemberFixture.jinjiang, at: at)
            log.created("t-police", call: "c-police", "police-110", name: "110 指挥中心", NovemberFixture.jinjiang, .crimeReport, channel: .channel110, at: at)
            try await harness.ingest(log.events)
            let bulletin = try await harness.bulletin("2026-11")
            let police = try #require(bulletin.departments.first { $0.departmentID == "police-110" })
            #expect(police.figures.tickets == 1)
            #expect(police.rank == 0)
            #expect(police.district == "")
            #expect(bulletin.departments.filter { $0.rank > 0 }.map(\.departmentID) == ["510104-pcs", "510104-cgj", "510104-scj", "510107-cgj"])
        }
    }

    @Test("totals equal the sum of their parts: districts for every figure, departments for tickets")
    func totalsAreSums() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            for month in ["2026-10", "2026-11", "2026-12"] {
                let bulletin = try await harness.bulletin(month)
                let districts = bulletin.districts.map(\.figures)
                #expect(bulletin.total.calls == districts.map(\.calls).reduce(0, +))
                #expect(bulletin.total.tickets == districts.map(\.tickets).reduce(0, +))
                #expect(bulletin.total.overdue == districts.map(\.overdue).reduce(0, +))
                for path: KeyPath<Fenliu_Reporting_V1_Figures, Fenliu_Reporting_V1_Rate> in [
                    \.diversionRate, \.timelySignForRate, \.onTimeResolutionRate, \.returnRate, \.reopenRate, \.satisfactionRate,
                ] {
                    #expect(bulletin.total[keyPath: path].numerator == districts.map { $0[keyPath: path].numerator }.reduce(0, +))
                    #expect(bulletin.total[keyPath: path].denominator == districts.map { $0[keyPath: path].denominator }.reduce(0, +))
                }
                let departments = bulletin.departments.map(\.figures)
                #expect(bulletin.total.tickets == departments.map(\.tickets).reduce(0, +))
                #expect(bulletin.total.returnRate.denominator == departments.map(\.returnRate.denominator).reduce(0, +))
                #expect(bulletin.total.satisfactionRate.denominator == departments.map(\.satisfactionRate.denominator).reduce(0, +))
            }
        }
    }

    @Test("duplicates and any order give the same bulletin; a rebuilt month equals the incremental one")
    func orderAndDuplicates() async throws {
        let events = NovemberFixture.log.events
        let expected = try await ReportingHarness.with { harness in
            try await harness.ingest(events)
            return try await harness.bulletin("2026-11")
        }
        var generator = SeededGenerator(seed: 42)
        for arrangement in [events.reversed(), events.shuffled(using: &generator), events.shuffled(using: &generator)] {
            try await ReportingHarness.with { harness in
                // Batches of 3, every event sent twice (a retried batch, a replay).
                let first = try await harness.ingest(Array(arrangement), batch: 3)
                let again = try await harness.ingest(Array(arrangement.suffix(10)) + Array(arrangement.prefix(5)), batch: 4)
                #expect(first.accepted == events.count)
                #expect(first.duplicates == 0)
                #expect(again.accepted == 0)
                #expect(again.duplicates == 15)
                #expect(try await Self.comparable(harness.bulletin("2026-11")) == Self.comparable(expected))

                let rebuilt = try await harness.client.call(ReportingAPI.rebuildMonth, .with { $0.month = "2026-11" })
                #expect(rebuilt.calls >= 7)
                #expect(rebuilt.tickets >= 4)
                let afterRebuild = try await harness.bulletin("2026-11")
                #expect(afterRebuild.total == expected.total, "\(afterRebuild.total) vs \(expected.total)")
                #expect(Self.comparable(afterRebuild) == Self.comparable(expected))
            }
        }
    }

    @Test("a late event lands in its own month and changes only what it is about")
    func lateEvent() async throws {
        try await ReportingHarness.with { harness in
            var log = NovemberFixture.log
            try await harness.ingest(log.events)
            let before = try await harness.bulletin("2026-11")
            // t3's resolution arrives in December, about a November ticket, late and on time.
            log.state(
                "t3", "RESOLVED", "510104-pcs", at: EventLog.chengdu("2026-11-10 12:00"),
                resolveDue: EventLog.chengdu("2026-11-11 10:01"))
            try await harness.ingest([log.events.last!])
            let after = try await harness.bulletin("2026-11")
            #expect(Self.rate(before.total.onTimeResolutionRate) == "2/3")
            #expect(Self.rate(after.total.onTimeResolutionRate) == "3/4")
            #expect(after.total.calls == before.total.calls)
            #expect(after.total.tickets == before.total.tickets)
        }
    }

    @Test("a district filter narrows every figure to that area")
    func districtFilter() async throws {
        try await ReportingHarness.with { harness in
            try await harness.ingest(NovemberFixture.log.events)
            let bulletin = try await harness.bulletin("2026-11", district: "510107")
            #expect(bulletin.district == "510107")
            #expect(bulletin.districts.map(\.district) == ["510107"])
            #expect(bulletin.total.calls == 3)
            #expect(bulletin.departments.map(\.departmentID) == ["510107-cgj"])
        }
    }

    @Test("bad months and areas are invalid_argument naming the field")
    func badRequests() async throws {
        try await ReportingHarness.with { harness in
            for (month, district, field) in [("", "", "month"), ("2026-13", "", "month"), ("2026/11", "", "month"), ("2026-11", "东城区", "district")] {
                let error = await #expect(throws: ConnectError.self) { _ = try await harness.bulletin(month, district: district) }
                #expect(error?.code == .invalidArgument)
                #expect(error?.fieldViolations.map(\.field) == [field])
            }
            // A month outside the years kept is told so, not that it is no month.
            let early = await #expect(throws: ConnectError.self) { _ = try await harness.bulletin("1999-12", district: "") }
            #expect(early?.message.contains("outside the months reported on") == true, "\(String(describing: early))")
        }
    }

    /// The bulletin without the time it was computed at.
    static func comparable(_ bulletin: Fenliu_Reporting_V1_MonthlyBulletin) -> Fenliu_Reporting_V1_MonthlyBulletin {
        var bulletin = bulletin
        bulletin.clearComputedAt()
        return bulletin
    }
}

/// A deterministic random source for shuffles.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
