import Foundation

/// When a clock reminds and escalates. A reminder comes at `reminderShare` of the time between the
/// clock's start and its deadline (80%: with a 5-working-day deadline, on the fourth day); once
/// overdue, the supervising office hears again every `escalationInterval` until it stops.
struct ClockSchedule: Sendable, Equatable {
    /// Share of a clock's time after which the reminder comes (0…1).
    var reminderShare: Double = 0.8
    /// Time between repeated escalations of an overdue clock.
    var escalationInterval: TimeInterval = 3600

    /// When a clock started at `start` and due at `due` reminds.
    func reminder(start: Date, due: Date) -> Date {
        let span = max(0, due.timeIntervalSince(start))
        return start.addingTimeInterval(span * reminderShare)
    }
}
