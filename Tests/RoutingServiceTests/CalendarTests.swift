import FenliuModel
import Foundation
import Testing

@testable import RoutingService

/// An instant given as Beijing wall time, e.g. `beijing("2026-11-30 10:00")`.
func beijing(_ text: String) -> Date {
    let parts = text.split(separator: " ")
    let date = LocalDate(String(parts[0]))!
    let clock = parts[1].split(separator: ":").compactMap { Int($0) }
    return WorkingCalendar.chengdu2026.midnight(of: date).addingTimeInterval(Double(clock[0] * 3600 + clock[1] * 60))
}

@Suite("Working calendar: working hours, weekends, holidays and 调休")
struct CalendarTests {
    let calendar = WorkingCalendar.chengdu2026

    @Test("a working day has 7 working hours, 09:00–12:00 and 13:30–17:30")
    func dayLength() {
        #expect(calendar.minutesPerWorkingDay == 420)
    }

    @Test("weekdays work, weekends rest, holidays rest and make-up days work")
    func workingDays() {
        #expect(calendar.isWorkingDay(LocalDate(2026, 11, 30)))  // Monday
        #expect(!calendar.isWorkingDay(LocalDate(2026, 11, 29)))  // Sunday
        #expect(!calendar.isWorkingDay(LocalDate(2026, 10, 1)))  // 国庆, Thursday
        #expect(!calendar.isWorkingDay(LocalDate(2026, 2, 16)))  // 春节, Monday
        #expect(calendar.isWorkingDay(LocalDate(2026, 10, 10)))  // 调休 Saturday
        #expect(calendar.isWorkingDay(LocalDate(2026, 2, 14)))  // 调休 Saturday
        #expect(calendar.isWorkingDay(LocalDate(2026, 1, 4)))  // 调休 Sunday
    }

    @Test(
        "working hours skip the lunch break, the night and the weekend",
        arguments: [
            ("2026-11-30 10:00", 120, "2026-11-30 12:00"),  // within the morning
            ("2026-11-30 11:00", 120, "2026-11-30 14:30"),  // across lunch
            ("2026-11-30 17:00", 120, "2026-12-01 10:30"),  // across the night
            ("2026-11-30 20:00", 120, "2026-12-01 11:00"),  // filed after hours
            ("2026-12-04 17:00", 120, "2026-12-07 10:30"),  // Friday evening to Monday
            ("2026-12-05 10:00", 120, "2026-12-07 11:00"),  // filed on Saturday
            ("2026-11-30 12:30", 60, "2026-11-30 14:30"),  // filed during lunch
        ])
    func workingHours(start: String, minutes: Int, expected: String) {
        #expect(calendar.adding(workingMinutes: minutes, to: beijing(start)) == beijing(expected))
    }

    @Test(
        "holidays do not count and make-up days do",
        arguments: [
            ("2026-09-30 17:00", 120, "2026-10-08 10:30"),  // 国庆: Oct 1–7 off
            ("2026-10-09 17:00", 120, "2026-10-10 10:30"),  // into the 调休 Saturday
            ("2026-02-13 17:00", 120, "2026-02-14 10:30"),  // the Saturday before 春节 is worked
            ("2026-02-14 17:00", 120, "2026-02-24 10:30"),  // 春节: Feb 15–23 off
            ("2026-04-03 17:00", 60, "2026-04-07 09:30"),  // 清明: Apr 4–6 off
        ])
    func holidays(start: String, minutes: Int, expected: String) {
        #expect(calendar.adding(workingMinutes: minutes, to: beijing(start)) == beijing(expected))
    }

    @Test("five working days: same time a working week later, holidays skipped")
    func workingDaysArithmetic() {
        #expect(calendar.adding(workingDays: 5, to: beijing("2026-11-30 10:00")) == beijing("2026-12-07 10:00"))
        #expect(calendar.adding(workingDays: 5, to: beijing("2026-09-29 10:00")) == beijing("2026-10-12 10:00"))
        #expect(calendar.adding(workingDays: 5, to: beijing("2026-12-05 10:00")) == beijing("2026-12-11 17:30"))
    }

    @Test("China's 2026 holiday data: 7 holidays, 6 make-up days, none of them overlapping")
    func holidayData() {
        #expect(WorkingCalendar.china2026Holidays.count == 33)
        #expect(WorkingCalendar.china2026MakeUpWorkingDays.count == 6)
        #expect(Set(WorkingCalendar.china2026Holidays).isDisjoint(with: WorkingCalendar.china2026MakeUpWorkingDays))
    }
}
