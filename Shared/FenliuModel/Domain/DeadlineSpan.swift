import Foundation

/// How long a ticket has for one step, in clock time or in working time.
///
/// Written in configuration as `30m` or `24h` (clock minutes or hours, for work that runs around the
/// clock) and `2wh` or `5wd` (working hours or working days of the `WorkingCalendar`).
public enum DeadlineSpan: Sendable, Hashable, CustomStringConvertible {
    /// Clock minutes: nights, weekends and holidays count.
    case clockMinutes(Int)
    /// Minutes of working time.
    case workingMinutes(Int)
    /// Working days of `WorkingCalendar.minutesPerWorkingDay` each.
    case workingDays(Int)

    /// Reads `30m`, `24h`, `2wh` or `5wd`, or returns `nil`.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(suffix: String, minutes: Int, isWorkingTime: Bool)] = [("wd", -1, true), ("wh", 60, true), ("h", 60, false), ("m", 1, false)]
        guard let unit = units.first(where: { trimmed.hasSuffix($0.suffix) }),
            let count = Int(trimmed.dropLast(unit.suffix.count)), count > 0
        else { return nil }
        switch (unit.minutes, unit.isWorkingTime) {
        case (-1, _): self = .workingDays(count)
        case (let minutes, true): self = .workingMinutes(count * minutes)
        case (let minutes, false): self = .clockMinutes(count * minutes)
        }
    }

    /// The deadline for work that starts at `start`.
    public func deadline(from start: Date, calendar: WorkingCalendar) -> Date {
        switch self {
        case .clockMinutes(let minutes): start.addingTimeInterval(Double(minutes * 60))
        case .workingMinutes(let minutes): calendar.adding(workingMinutes: minutes, to: start)
        case .workingDays(let days): calendar.adding(workingDays: days, to: start)
        }
    }

    public var description: String {
        switch self {
        case .clockMinutes(let minutes) where minutes % 60 == 0: "\(minutes / 60)h"
        case .clockMinutes(let minutes): "\(minutes)m"
        case .workingMinutes(let minutes): "\(minutes / 60)wh"
        case .workingDays(let days): "\(days)wd"
        }
    }
}
