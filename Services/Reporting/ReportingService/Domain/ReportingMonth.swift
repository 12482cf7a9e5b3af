import Foundation

/// A calendar month in Asia/Shanghai (UTC+8 all year, no daylight saving): the unit of the
/// bulletin. Its bounds are instants, so a call at 23:30 on the 31st in Chengdu belongs to that
/// month even though it is the next day in UTC... and the other way round at 00:30 on the 1st.
struct ReportingMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    let year: Int
    let month: Int

    /// The first and last months reporting accepts events in.
    static let earliest = ReportingMonth(year: 2000, month: 1)
    static let latest = ReportingMonth(year: 2999, month: 12)

    /// Chengdu's offset from UTC.
    static let offset: TimeInterval = 8 * 3600

    /// Parses `YYYY-MM` (years 2000–2999).
    init?(_ text: String) {
        guard let (year, month) = Self.shape(text), (Self.earliest.year...Self.latest.year).contains(year) else { return nil }
        self.init(year: year, month: month)
    }

    /// The year and month of text shaped `YYYY-MM` (any year), or `nil`.
    private static func shape(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        return (year, month)
    }

    /// Why `text` is no month this service reports on: not `YYYY-MM`, or outside the years kept.
    static func refusal(_ text: String) -> String {
        guard shape(text) != nil else { return "\"\(text)\" is not a month: use YYYY-MM" }
        return "\"\(text)\" is outside the months reported on (\(earliest) to \(latest))"
    }

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The Gregorian calendar in Chengdu's time.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: Int(offset))!
        return calendar
    }()

    /// The month an instant falls in, in Chengdu.
    init(containing date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month], from: date)
        self.init(year: parts.year ?? 2000, month: parts.month ?? 1)
    }

    /// The first instant of the month.
    var start: Date { Self.calendar.date(from: DateComponents(year: year, month: month, day: 1)) ?? .distantPast }

    /// The first instant after the month.
    var end: Date { next.start }

    var next: ReportingMonth { month == 12 ? ReportingMonth(year: year + 1, month: 1) : ReportingMonth(year: year, month: month + 1) }
    var previous: ReportingMonth { month == 1 ? ReportingMonth(year: year - 1, month: 12) : ReportingMonth(year: year, month: month - 1) }

    /// The days of the month, as `YYYY-MM-DD`.
    var days: [String] {
        let count = Int(end.timeIntervalSince(start) / 86_400)
        return (1...count).map { String(format: "%04d-%02d-%02d", year, month, $0) }
    }

    var description: String { String(format: "%04d-%02d", year, month) }

    static func < (lhs: ReportingMonth, rhs: ReportingMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
