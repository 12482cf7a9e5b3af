import Foundation

/// The government's working time: which days are working days and which hours of them count.
///
/// Deadlines of normal work orders run only in working time, so a complaint filed on Friday evening
/// is due on Monday, and one filed before 国庆 is due after it. Public holidays and 调休 make-up
/// working days are data (`holidays`, `makeUpWorkingDays`), not rules, because the State Council
/// publishes them afresh each year.
public struct WorkingCalendar: Sendable {
    /// One stretch of working time within a day, in minutes after midnight.
    public struct Period: Sendable, Hashable {
        /// Start, minutes after midnight.
        public let start: Int
        /// End, minutes after midnight; after `start`.
        public let end: Int

        /// Creates a period.
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        /// Reads `HH:MM-HH:MM`, or returns `nil`.
        public init?(_ text: String) {
            let bounds = text.split(separator: "-").map { $0.split(separator: ":").compactMap { Int($0) } }
            guard bounds.count == 2, bounds.allSatisfy({ $0.count == 2 && (0...24).contains($0[0]) && (0...59).contains($0[1]) }) else { return nil }
            let start = bounds[0][0] * 60 + bounds[0][1]
            let end = bounds[1][0] * 60 + bounds[1][1]
            guard start < end, end <= 24 * 60 else { return nil }
            self.init(start: start, end: end)
        }
    }

    /// The zone working hours are read in.
    public var timeZone: TimeZone
    /// Working hours of a working day, in order and not overlapping.
    public var periods: [Period]
    /// Weekdays that are normally working days (1 = Sunday … 7 = Saturday, as `Calendar` counts).
    public var workingWeekdays: Set<Int>
    /// Days off that would otherwise be working days (public holidays).
    public var holidays: Set<LocalDate>
    /// Weekend days that are working days (调休).
    public var makeUpWorkingDays: Set<LocalDate>

    /// Creates a calendar.
    public init(
        timeZone: TimeZone, periods: [Period], workingWeekdays: Set<Int> = [2, 3, 4, 5, 6],
        holidays: Set<LocalDate> = [], makeUpWorkingDays: Set<LocalDate> = []
    ) {
        self.timeZone = timeZone
        self.periods = periods.sorted { $0.start < $1.start }
        self.workingWeekdays = workingWeekdays
        self.holidays = holidays
        self.makeUpWorkingDays = makeUpWorkingDays
    }

    /// Working minutes in one full working day (7 hours with the default periods).
    public var minutesPerWorkingDay: Int { periods.reduce(0) { $0 + $1.end - $1.start } }

    /// Whether `date` is a working day: a make-up day, or a working weekday that is not a holiday.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if makeUpWorkingDays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return workingWeekdays.contains(weekday(of: date))
    }

    /// The instant `minutes` of working time after `start`. Time outside working hours does not
    /// count, so the result always lies inside (or at the end of) a working period.
    public func adding(workingMinutes minutes: Int, to start: Date) -> Date {
        guard minutes > 0, minutesPerWorkingDay > 0 else { return start }
        var remaining = Double(minutes * 60)
        var cursor = start
        var day = localDate(of: start)
        // A year of consecutive days off is impossible, so the loop always finds working time.
        for _ in 0..<(366 * 10) {
            if isWorkingDay(day) {
                let midnight = self.midnight(of: day)
                for period in periods {
                    let periodEnd = midnight.addingTimeInterval(Double(period.end * 60))
                    guard cursor < periodEnd else { continue }
                    let from = max(cursor, midnight.addingTimeInterval(Double(period.start * 60)))
                    let available = periodEnd.timeIntervalSince(from)
                    if remaining <= available { return from.addingTimeInterval(remaining) }
                    remaining -= available
                    cursor = periodEnd
                }
            }
            day = self.day(after: day)
            cursor = max(cursor, midnight(of: day))
        }
        return cursor
    }

    /// The instant `days` working days after `start`: a working day counts as `minutesPerWorkingDay`
    /// of working time, so Monday 10:00 plus 5 working days is the next Monday 10:00, and a matter
    /// filed on Saturday is due at the end of Friday's working hours.
    public func adding(workingDays days: Int, to start: Date) -> Date {
        adding(workingMinutes: days * minutesPerWorkingDay, to: start)
    }

    /// The calendar day `instant` falls on in this calendar's zone.
    public func localDate(of instant: Date) -> LocalDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// Midnight at the start of `date` in this calendar's zone.
    public func midnight(of date: LocalDate) -> Date {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) ?? Date(timeIntervalSince1970: 0)
    }

    private func day(after date: LocalDate) -> LocalDate {
        localDate(of: midnight(of: date).addingTimeInterval(36 * 3600))
    }

    private func weekday(of date: LocalDate) -> Int {
        calendar.component(.weekday, from: midnight(of: date).addingTimeInterval(12 * 3600))
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
