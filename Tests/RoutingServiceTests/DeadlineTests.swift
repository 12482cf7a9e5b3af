import FenliuModel
import Foundation
import Testing

@testable import RoutingService

@Suite("Deadlines per priority")
struct DeadlineTests {
    let policy = DeadlinePolicy.standard

    @Test("EMERGENCY: sign for in 5 minutes, resolve in 24 hours, around the clock")
    func emergency() {
        let start = beijing("2026-12-05 23:00")  // Saturday night
        let deadlines = policy.deadlines(priority: .emergency, from: start, owesUrgentFeedback: false)
        #expect(deadlines.signForDue == start.addingTimeInterval(5 * 60))
        #expect(deadlines.resolveDue == start.addingTimeInterval(24 * 3600))
        #expect(deadlines.feedbackDue == nil)
    }

    @Test("PINNED and URGENT: sign for in 30 minutes, resolve in 24 hours, even on a holiday", arguments: [TicketPriority.pinned, .urgent])
    func pinnedAndUrgent(priority: TicketPriority) {
        let start = beijing("2026-10-02 20:00")  // 国庆
        let deadlines = policy.deadlines(priority: priority, from: start, owesUrgentFeedback: false)
        #expect(deadlines.signForDue == start.addingTimeInterval(30 * 60))
        #expect(deadlines.resolveDue == start.addingTimeInterval(24 * 3600))
    }

    @Test("NORMAL: sign for in 2 working hours, resolve in 5 working days")
    func normal() {
        let deadlines = policy.deadlines(priority: .normal, from: beijing("2026-12-04 17:00"), owesUrgentFeedback: false)
        #expect(deadlines.signForDue == beijing("2026-12-07 10:30"))
        #expect(deadlines.resolveDue == beijing("2026-12-11 17:00"))
        let holiday = policy.deadlines(priority: .normal, from: beijing("2026-09-30 16:00"), owesUrgentFeedback: false)
        #expect(holiday.signForDue == beijing("2026-10-08 09:30"))
    }

    @Test("an urgent police matter from 12345 gets 110's feedback due within one hour")
    func urgentPoliceFeedback() {
        let start = beijing("2026-12-05 03:00")
        let deadlines = policy.deadlines(priority: .emergency, from: start, owesUrgentFeedback: true)
        #expect(deadlines.feedbackDue == start.addingTimeInterval(3600))
    }

    @Test("spans read from configuration")
    func spans() {
        #expect(DeadlineSpan("30m") == .clockMinutes(30))
        #expect(DeadlineSpan("24h") == .clockMinutes(1440))
        #expect(DeadlineSpan("2wh") == .workingMinutes(120))
        #expect(DeadlineSpan("5wd") == .workingDays(5))
        #expect(DeadlineSpan("5 days") == nil)
        #expect(DeadlineSpan("0m") == nil)
    }

    @Test("a policy file overrides only what it names, and a bad key is named")
    func policyFile() throws {
        let json =
            #"{"maxReturns": 3, "deadlines": {"NORMAL": {"resolve": "3wd"}}, "calendar": {"hours": ["08:30-12:00", "14:00-18:00"], "holidays": ["2026-12-07"]}}"#
        let policy = try RoutingPolicy.parse(Data(json.utf8))
        #expect(policy.returns.maximumReturns == 3)
        #expect(policy.deadlines.rules[.normal]?.resolve == .workingDays(3))
        #expect(policy.deadlines.rules[.normal]?.signFor == .workingMinutes(120))
        #expect(policy.deadlines.calendar.minutesPerWorkingDay == 450)
        #expect(!policy.deadlines.calendar.isWorkingDay(LocalDate(2026, 12, 7)))
        #expect(policy.deadlines.calendar.makeUpWorkingDays.contains(LocalDate(2026, 10, 10)))
        let bad = #expect(throws: PolicyError.self) {
            try RoutingPolicy.parse(Data(#"{"deadlines": {"URGENT": {"signFor": "soon"}}}"#.utf8))
        }
        #expect(bad?.description.contains("deadlines.URGENT.signFor") == true)
    }
}
