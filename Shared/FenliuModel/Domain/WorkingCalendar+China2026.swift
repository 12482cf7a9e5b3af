import Foundation

extension WorkingCalendar {
    /// Chengdu's government working time: Monday to Friday, 09:00–12:00 and 13:30–17:30 Beijing time,
    /// with China's 2026 public holidays and make-up working days (the State Council's schedule).
    public static let chengdu2026 = WorkingCalendar(
        timeZone: TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!,
        periods: [Period(start: 9 * 60, end: 12 * 60), Period(start: 13 * 60 + 30, end: 17 * 60 + 30)],
        holidays: Set(china2026Holidays),
        makeUpWorkingDays: Set(china2026MakeUpWorkingDays)
    )

    /// Days off in 2026: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆.
    public static let china2026Holidays: [LocalDate] =
        days(2026, 1, 1...3) + days(2026, 2, 15...23) + days(2026, 4, 4...6) + days(2026, 5, 1...5)
        + days(2026, 6, 19...21) + days(2026, 9, 25...27) + days(2026, 10, 1...7)

    /// Weekend days worked in 2026 to make up for the long holidays (调休).
    public static let china2026MakeUpWorkingDays: [LocalDate] = [
        LocalDate(2026, 1, 4), LocalDate(2026, 2, 14), LocalDate(2026, 2, 28), LocalDate(2026, 5, 9),
        LocalDate(2026, 9, 20), LocalDate(2026, 10, 10),
    ]

    private static func days(_ year: Int, _ month: Int, _ range: ClosedRange<Int>) -> [LocalDate] {
        range.map { LocalDate(year, month, $0) }
    }
}
